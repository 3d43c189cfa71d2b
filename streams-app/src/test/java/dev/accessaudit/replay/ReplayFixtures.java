package dev.accessaudit.replay;

import static dev.accessaudit.streams.AuditFixtures.CLAUSE;

import dev.accessaudit.avro.Severity;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.policy.PolicyRule;
import dev.accessaudit.streams.policy.PolicyVersion;
import dev.accessaudit.streams.rules.agreement.AgreementExpiredRule;
import dev.accessaudit.streams.rules.agreement.AgreementMissingRule;
import dev.accessaudit.streams.rules.agreement.AgreementPendingRule;
import dev.accessaudit.streams.rules.agreement.AgreementRevokedRule;
import dev.accessaudit.streams.rules.staff.BulkAccessRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Policies for replay tests: the agreement rules, a low bulk threshold, folded revocations. */
final class ReplayFixtures {

  static final Duration BULK_WINDOW = Duration.ofHours(1);
  static final Duration SUPPRESS = Duration.ofMinutes(30);

  private ReplayFixtures() {}

  /** Agreement rules; BULK_ACCESS above {@code bulkThreshold} visitors an hour; REVOKED folded. */
  static Policy statefulPolicy(int bulkThreshold) {
    return new Policy(
        List.of(
            new PolicyVersion(
                "stateful",
                Instant.parse("2000-01-01T00:00:00Z"),
                "agreement rules, bulk access and folded revocations",
                List.of(
                    PolicyRule.of(new AgreementMissingRule(), Severity.CRITICAL, CLAUSE),
                    new PolicyRule(
                        new AgreementRevokedRule(), Severity.CRITICAL, CLAUSE, Map.of(), SUPPRESS),
                    PolicyRule.of(new AgreementExpiredRule(), Severity.HIGH, CLAUSE),
                    PolicyRule.of(new AgreementPendingRule(), Severity.HIGH, CLAUSE),
                    new PolicyRule(
                        new BulkAccessRule(bulkThreshold, BULK_WINDOW),
                        Severity.MEDIUM,
                        "bulk clause",
                        Map.of("threshold", Integer.toString(bulkThreshold)),
                        Duration.ZERO)))));
  }
}
