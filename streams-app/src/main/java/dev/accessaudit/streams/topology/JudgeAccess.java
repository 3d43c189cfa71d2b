package dev.accessaudit.streams.topology;

import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.EnrichedAccess;
import dev.accessaudit.streams.judgement.AccessJudge;
import dev.accessaudit.streams.rules.AccessContext;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.streams.kstream.ValueMapper;

/** Turns an enriched access into the alerts it raises under the policy in force at its time. */
final class JudgeAccess implements ValueMapper<EnrichedAccess, List<ComplianceAlert>> {

  private final AccessJudge judge;
  private final Clock clock;

  JudgeAccess(AccessJudge judge, Clock clock) {
    this.judge = judge;
    this.clock = clock;
  }

  @Override
  public List<ComplianceAlert> apply(EnrichedAccess access) {
    AccessContext context =
        new AccessContext(access.getEvent(), access.getAgreement(), access.getConsent());
    return judge.judge(context, clock.instant());
  }
}
