package dev.accessaudit.streams.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.AccessAction;
import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.DataCategory;
import dev.accessaudit.avro.Severity;
import dev.accessaudit.streams.judgement.AccessJudge;
import dev.accessaudit.streams.rules.AccessContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user does: copy the shipped policy, add a CEL rule to the 2009 version, validate it, test
 * it, and see it fire on the access it describes, with no code change.
 */
class CustomRuleInPolicyCopyTest {

  static final String CUSTOM_RULE =
      """
            - id: TELEPHONE_RECORDING_MISUSE
              severity: MEDIUM
              clause: >-
                We may record telephone conversations to ensure compliance with procedures, to
                resolve complaints and improve our service standards.
              parameters:
                team: compliance
              condition: |
                event.category == 'TELEPHONE_RECORDING'
                  && !(event.purpose in ['COMPLAINT_RESOLUTION', 'QUALITY_CONTROL',
                                          'STAFF_TRAINING', 'REGULATORY_LOGGING'])
              summary: >-
                Staff ${event.staffId} listened to a call of visitor ${event.visitorId}
                for ${event.purpose}; tell ${params.team}.
      """;

  static final String CUSTOM_TESTS =
      """
      policy: policy.yaml
      cases:
        - name: a call recording used for marketing
          event: {occurredAt: 2010-03-01T10:00:00Z, category: TELEPHONE_RECORDING, purpose: MARKETING}
          raisesExactly: [TELEPHONE_RECORDING_MISUSE]
        - name: a call recording used to resolve a complaint
          event: {occurredAt: 2010-03-01T10:00:00Z, category: TELEPHONE_RECORDING, purpose: COMPLAINT_RESOLUTION}
          raisesExactly: []
        - name: the 2005 version has no such rule
          event: {occurredAt: 2006-03-01T10:00:00Z, category: TELEPHONE_RECORDING, purpose: MARKETING}
          doesNotRaise: [TELEPHONE_RECORDING_MISUSE]
      """;

  /** The shipped policy with the custom rule appended to its last (2009) version. */
  static String policyWithCustomRule() {
    return PolicyFile.resourceText(PolicyFile.DEFAULT_RESOURCE).stripTrailing()
        + "\n"
        + CUSTOM_RULE;
  }

  @Test
  void shouldLoadValidateTestAndFireAUserWrittenCelRule(@TempDir Path dir) throws Exception {
    Path policyFile = Files.writeString(dir.resolve("policy.yaml"), policyWithCustomRule());
    Path testFile = Files.writeString(dir.resolve("policy-test.yaml"), CUSTOM_TESTS);

    Policy policy = PolicyFile.load(policyFile);
    PolicyTestFile tests = PolicyTestFile.load(testFile);
    List<PolicyTestResult> results = new PolicyTestRunner(policy).run(tests.cases());

    assertThat(tests.policy()).contains(dir.resolve("policy.yaml"));
    assertThat(results).allSatisfy(r -> assertThat(r.failures()).isEmpty());
    assertThat(new PolicyTestRunner(policy).run(PolicyTestFile.defaultTests().cases()))
        .allMatch(PolicyTestResult::passed);

    ComplianceAlert alert =
        judge(policy, DataCategory.TELEPHONE_RECORDING, AccessPurpose.MARKETING);
    assertThat(alert.getRuleId()).isEqualTo("TELEPHONE_RECORDING_MISUSE");
    assertThat(alert.getSeverity()).isEqualTo(Severity.MEDIUM);
    assertThat(alert.getPolicyVersion()).isEqualTo("2009");
    assertThat(alert.getPolicyClause()).startsWith("We may record telephone conversations");
    assertThat(alert.getSummary())
        .isEqualTo(
            "Staff s-0042 listened to a call of visitor v-000123 for MARKETING; tell compliance.");
    assertThat(alert.getDetails()).containsEntry("team", "compliance").containsKey("condition");
  }

  private static ComplianceAlert judge(
      Policy policy, DataCategory category, AccessPurpose purpose) {
    AccessEvent event =
        dev.accessaudit.streams.rules.fixtures.Accesses.anAccessEvent()
            .setCategory(category)
            .setPurpose(purpose)
            .setAction(AccessAction.VIEW)
            .build();
    var context =
        AccessContext.of(
            event, dev.accessaudit.streams.rules.fixtures.Accesses.anAgreement().build());
    List<ComplianceAlert> alerts = new AccessJudge(policy).judge(context, Instant.EPOCH);
    assertThat(alerts).hasSize(1);
    return alerts.get(0);
  }
}
