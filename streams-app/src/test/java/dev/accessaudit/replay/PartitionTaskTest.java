package dev.accessaudit.replay;

import static dev.accessaudit.replay.ReplayFixtures.statefulPolicy;
import static dev.accessaudit.streams.AuditFixtures.T0;
import static dev.accessaudit.streams.AuditFixtures.anAccessEvent;
import static dev.accessaudit.streams.AuditFixtures.anAgreement;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.streams.judgement.AlertIds;
import dev.accessaudit.streams.judgement.RepeatSuppressor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionTaskTest {

  private static final Instant DETECTED = Instant.parse("2026-06-01T00:00:00Z");

  private final StateHistory history = StateHistory.empty();
  private final List<ComplianceAlert> published = new ArrayList<>();

  private void agreement(AgreementStatus status, Instant from) {
    history.agreements().put("s-0001", from.toEpochMilli(), anAgreement(status, from).build());
  }

  /** Feeds the events as records of one partition, in this order, through the task emulation. */
  private void judge(int bulkThreshold, AccessEvent... events) {
    PartitionJudge judge = new PartitionJudge(statefulPolicy(bulkThreshold), history, DETECTED);
    PartitionTask task = new PartitionTask(judge, Duration.ofSeconds(10), published::add);
    for (int i = 0; i < events.length; i++) {
      ReplayAccess access = new ReplayAccess(events[i], i);
      task.advance(access.time());
      task.access(access);
      task.punctuate();
    }
    task.finish();
  }

  private static AccessEvent access(String id, Instant at, String visitor) {
    return anAccessEvent().setEventId(id).setOccurredAt(at).setVisitorId(visitor).build();
  }

  @Test
  void shouldJudgeEachAccessAgainstTheAgreementInForceAtItsTime() {
    agreement(AgreementStatus.ACTIVE, T0.minusSeconds(3600));
    agreement(AgreementStatus.REVOKED, T0.plusSeconds(60));

    judge(100, access("before", T0, "v-1"), access("after", T0.plusSeconds(120), "v-1"));

    assertThat(published)
        .extracting(ComplianceAlert::getEventId, ComplianceAlert::getRuleId)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("after", "AGREEMENT_REVOKED"));
    assertThat(published.get(0).getAlertId()).isEqualTo(AlertIds.of("after", "AGREEMENT_REVOKED"));
    assertThat(published.get(0).getDetectedAt()).isEqualTo(DETECTED);
  }

  @Test
  void shouldRaiseAgreementMissingAfterATombstone() {
    agreement(AgreementStatus.ACTIVE, T0.minusSeconds(3600));
    history.agreements().put("s-0001", T0.minusSeconds(60).toEpochMilli(), null);

    judge(100, access("e-1", T0, "v-1"));

    assertThat(published)
        .extracting(ComplianceAlert::getRuleId)
        .containsExactly("AGREEMENT_MISSING");
  }

  @Test
  void shouldRaiseBulkAccessOnTheAccessThatCrossesTheThreshold() {
    agreement(AgreementStatus.ACTIVE, T0.minusSeconds(3600));

    judge(
        2,
        access("e-3", T0.plusSeconds(3), "v-3"),
        access("e-1", T0.plusSeconds(1), "v-1"),
        access("e-2", T0.plusSeconds(2), "v-2"),
        access("e-4", T0.plusSeconds(4), "v-4"));

    assertThat(published)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getRuleId()).isEqualTo("BULK_ACCESS");
              assertThat(a.getEventId()).isEqualTo("e-3");
            });
  }

  @Test
  void shouldJudgeAnAccessLaterThanTheGracePeriodAtOnceAsThePipelineDoes() {
    agreement(AgreementStatus.ACTIVE, T0.minusSeconds(3600));

    judge(
        2,
        access("e-1", T0, "v-1"),
        access("e-2", T0.plusSeconds(100), "v-2"),
        access("e-3", T0.plusSeconds(200), "v-3"),
        access("e-0", T0.plusSeconds(5), "v-0"));

    assertThat(published).extracting(ComplianceAlert::getEventId).containsExactly("e-0");
  }

  @Test
  void shouldFoldRepeatsIntoTheStandingAlertAndPublishItAgainWhenTheWindowCloses() {
    agreement(AgreementStatus.REVOKED, T0.minusSeconds(3600));

    judge(
        100,
        access("e-1", T0, "v-1"),
        access("e-2", T0.plusSeconds(60), "v-1"),
        access("e-3", T0.plusSeconds(120), "v-1"),
        access("e-4", T0.plus(Duration.ofHours(2)), "v-2"));

    List<ComplianceAlert> forFirst =
        published.stream().filter(a -> a.getEventId().equals("e-1")).toList();
    assertThat(forFirst).hasSize(2);
    assertThat(forFirst.get(1).getAlertId()).isEqualTo(forFirst.get(0).getAlertId());
    assertThat(forFirst.get(1).getDetails())
        .containsEntry(RepeatSuppressor.SUPPRESSED_REPEATS, "2")
        .containsEntry(RepeatSuppressor.LAST_SUPPRESSED_EVENT, "e-3");
    assertThat(published).extracting(ComplianceAlert::getEventId).doesNotContain("e-2", "e-3");
  }
}
