package dev.accessaudit.streams.topology;

import static dev.accessaudit.streams.AuditFixtures.T0;
import static dev.accessaudit.streams.AuditFixtures.aConsent;
import static dev.accessaudit.streams.AuditFixtures.anAccessEvent;
import static dev.accessaudit.streams.AuditFixtures.anAgreement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.AlertStatus;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.Severity;
import dev.accessaudit.streams.judgement.Rejudgement;
import dev.accessaudit.streams.judgement.RepeatSuppressor;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.policy.PolicyRule;
import dev.accessaudit.streams.policy.PolicyVersion;
import dev.accessaudit.streams.rules.AccessContext;
import dev.accessaudit.streams.rules.Rule;
import dev.accessaudit.streams.rules.Violation;
import dev.accessaudit.streams.rules.agreement.AgreementPendingRule;
import dev.accessaudit.streams.rules.staff.BulkAccessRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stateful parts of the topology: the consent look-up (re-keyed by visitor and back), the
 * bulk-access window and repeat suppression, each through the real topology.
 */
class StatefulRulesTopologyTest {

  private static final Duration GRACE = PipelineHarness.GRACE;
  private static final Duration HOUR = Duration.ofHours(1);

  /** Flags marketing to opted-out visitors; enough to drive the consent branch. */
  private static final class OptOutRule implements Rule {
    @Override
    public String id() {
      return "TEST_OPT_OUT";
    }

    @Override
    public Optional<Violation> check(AccessContext access) {
      return access.visitorOptedOut() ? Optional.of(Violation.of("opted out")) : Optional.empty();
    }

    @Override
    public boolean needsConsent(AccessEvent event) {
      return event.getPurpose() == AccessPurpose.MARKETING;
    }
  }

  private final PipelineHarness pipeline =
      new PipelineHarness(
          new Policy(
              List.of(
                  new PolicyVersion(
                      "test",
                      Instant.EPOCH,
                      "",
                      List.of(
                          PolicyRule.of(new OptOutRule(), Severity.MEDIUM, "opt-out clause"),
                          PolicyRule.of(new BulkAccessRule(3, HOUR), Severity.HIGH, "bulk"),
                          new PolicyRule(
                              new AgreementPendingRule(),
                              Severity.HIGH,
                              "pending",
                              Map.of(),
                              HOUR))))));

  @AfterEach
  void close() {
    pipeline.close();
  }

  private AccessEvent marketing(String eventId, String visitor, Instant at) {
    return anAccessEvent()
        .setEventId(eventId)
        .setVisitorId(visitor)
        .setPurpose(AccessPurpose.MARKETING)
        .setOccurredAt(at)
        .build();
  }

  @Test
  void shouldJudgeMarketingByConsentInForceAtAccess() {
    pipeline.consent(aConsent("v-1", true, T0.minusSeconds(60)));
    pipeline.consent(aConsent("v-2", true, T0.plusSeconds(60)));

    pipeline.access(marketing("e-1", "v-1", T0));
    pipeline.access(marketing("e-2", "v-2", T0));
    pipeline.access(marketing("e-3", "v-3", T0));
    pipeline.advancePast(T0, GRACE);

    List<ComplianceAlert> alerts = pipeline.alerts();
    assertThat(alerts).extracting(ComplianceAlert::getEventId).containsExactly("e-1");
    assertThat(alerts.get(0).getStaffId()).isEqualTo("s-0001");
  }

  @Test
  void shouldKeyConsentAlertsByStaffAgain() {
    pipeline.consent(aConsent("v-1", true, T0.minusSeconds(60)));
    pipeline.access(marketing("e-1", "v-1", T0));
    pipeline.advancePast(T0, GRACE);

    assertThat(pipeline.alerts.readKeyValuesToList())
        .extracting(kv -> kv.key)
        .containsExactly("s-0001");
  }

  @Test
  void shouldUseLateOptOutWithinGracePeriod() {
    pipeline.access(marketing("e-1", "v-1", T0));
    pipeline.consent(aConsent("v-1", true, T0.minusSeconds(1)));
    pipeline.advancePast(T0, GRACE);

    assertThat(pipeline.alerts())
        .extracting(ComplianceAlert::getRuleId)
        .containsExactly("TEST_OPT_OUT");
  }

  @Test
  void shouldRaiseOptOutAlertWhenOptOutArrivesAfterTheAccessWasJudged() {
    pipeline.access(marketing("e-1", "v-1", T0));
    pipeline.advancePast(T0.plusSeconds(300), GRACE);
    assertThat(pipeline.alerts()).isEmpty();

    pipeline.consent(aConsent("v-1", true, T0.minusSeconds(60)), T0.plusSeconds(400));

    List<ComplianceAlert> alerts = pipeline.alerts();
    assertThat(alerts).extracting(ComplianceAlert::getRuleId).containsExactly("TEST_OPT_OUT");
    assertThat(alerts.get(0).getStatus()).isEqualTo(AlertStatus.RAISED);
    assertThat(alerts.get(0).getStaffId()).isEqualTo("s-0001");
    assertThat(alerts.get(0).getDetails().get(Rejudgement.CORRECTED_BY))
        .contains("consent record of v-1");
  }

  @Test
  void shouldRetractOptOutAlertWhenALateConsentWithdrawsTheOptOut() {
    pipeline.consent(aConsent("v-1", true, T0.minusSeconds(3600)));
    pipeline.access(marketing("e-1", "v-1", T0));
    pipeline.advancePast(T0.plusSeconds(300), GRACE);

    pipeline.consent(aConsent("v-1", false, T0.minusSeconds(60)), T0.plusSeconds(400));

    assertThat(pipeline.alerts())
        .extracting(ComplianceAlert::getRuleId, ComplianceAlert::getStatus)
        .containsExactly(
            tuple("TEST_OPT_OUT", AlertStatus.RAISED),
            tuple("TEST_OPT_OUT", AlertStatus.RETRACTED));
  }

  /**
   * An access needing the visitor's consent leaves the agreement's grace buffer, then waits again
   * for the consent (live, in the task of the visitor's partition, behind a repartition topic). An
   * agreement record arriving meanwhile finds it neither waiting for the agreement nor judged, so
   * no correction reaches it: it must be judged with the agreement in force when it is judged. Here
   * the wall clock releases it from the agreement's buffer into the consent's, as it does live on a
   * quiet partition.
   */
  @Test
  void shouldJudgeAnAccessNeedingConsentWithAnAgreementThatArrivedWhileItWaitedForTheConsent() {
    pipeline.agreement(anAgreement(AgreementStatus.ACTIVE, T0.minus(HOUR)).build());
    pipeline.access(marketing("e-1", "v-1", T0));
    pipeline.driver.advanceWallClockTime(
        GRACE); // out of the agreement's buffer, into the consent's
    assertThat(pipeline.alerts()).isEmpty();

    pipeline.agreement(
        anAgreement(AgreementStatus.PENDING, T0.minusSeconds(600)).build(), T0.plusSeconds(1));
    pipeline.driver.advanceWallClockTime(GRACE); // out of the consent's buffer: judged

    List<ComplianceAlert> alerts = pipeline.alerts();
    assertThat(alerts)
        .extracting(ComplianceAlert::getEventId, ComplianceAlert::getRuleId)
        .containsExactly(tuple("e-1", "AGREEMENT_PENDING"));
    assertThat(alerts.get(0).getAgreementEffectiveFrom()).isEqualTo(T0.minusSeconds(600));
  }

  @Test
  void shouldRaiseOneBulkAlertPerWindowNamingTheCount() {
    for (int i = 0; i < 10; i++) {
      pipeline.access(
          anAccessEvent()
              .setEventId("b-" + i)
              .setVisitorId("v-" + i)
              .setOccurredAt(T0.plusSeconds(i))
              .build());
    }
    pipeline.advancePast(T0.plusSeconds(10), GRACE);

    List<ComplianceAlert> alerts = pipeline.alerts();
    assertThat(alerts).extracting(ComplianceAlert::getRuleId).containsExactly("BULK_ACCESS");
    assertThat(alerts.get(0).getDetails()).containsEntry("distinctVisitors", "4");
    assertThat(alerts.get(0).getEventId()).isEqualTo("b-3");
  }

  @Test
  void shouldFoldRepeatedAlertsAndPublishTheirCountWhenWindowCloses() {
    pipeline.agreement(anAgreement(AgreementStatus.PENDING, T0.minusSeconds(60)).build());
    for (int i = 0; i < 3; i++) {
      pipeline.access(
          anAccessEvent().setEventId("p-" + i).setOccurredAt(T0.plusSeconds(i)).build());
    }
    pipeline.advancePast(T0.plusSeconds(3), GRACE);
    assertThat(pipeline.alerts()).extracting(ComplianceAlert::getEventId).containsExactly("p-0");

    pipeline.advancePast(T0.plus(HOUR).plus(SuppressRepeats.CHECK_INTERVAL), GRACE);

    List<ComplianceAlert> updates = pipeline.alerts();
    assertThat(updates).hasSize(1);
    assertThat(updates.get(0).getEventId()).isEqualTo("p-0");
    assertThat(updates.get(0).getDetails())
        .containsEntry(RepeatSuppressor.SUPPRESSED_REPEATS, "2")
        .containsEntry(RepeatSuppressor.LAST_SUPPRESSED_EVENT, "p-2");
  }

  /**
   * Whether a repeat folds must not depend on when Kafka Streams runs the stream-time check that
   * publishes a window's count: live it runs after a batch of records, in the replay after each
   * record. Here the check has run (stream time passed the window's end) before a repeat from
   * inside the window is judged (published late): it still folds, and the count is published again.
   */
  @Test
  void shouldFoldARepeatJudgedLateIntoItsWindowAfterTheCheckPublishedItsCount() {
    pipeline.agreement(anAgreement(AgreementStatus.PENDING, T0.minusSeconds(60)).build());
    pipeline.access(anAccessEvent().setEventId("p-0").setOccurredAt(T0).build());
    pipeline.advancePast(T0, GRACE);
    assertThat(pipeline.alerts()).extracting(ComplianceAlert::getEventId).containsExactly("p-0");
    tick("tick-a", T0.plus(HOUR).plusSeconds(15)); // the check runs: the window has ended
    assertThat(pipeline.alerts()).isEmpty(); // nothing folded, nothing to publish

    pipeline.access(
        anAccessEvent().setEventId("p-1").setOccurredAt(T0.plus(HOUR).minusSeconds(20)).build());

    List<ComplianceAlert> alerts = pipeline.alerts();
    assertThat(alerts).extracting(ComplianceAlert::getEventId).containsExactly("p-0");
    assertThat(alerts.get(0).getDetails())
        .containsEntry(RepeatSuppressor.SUPPRESSED_REPEATS, "1")
        .containsEntry(RepeatSuppressor.LAST_SUPPRESSED_EVENT, "p-1");
  }

  private void tick(String eventId, Instant at) {
    pipeline.access(
        anAccessEvent()
            .setEventId(eventId)
            .setStaffId(PipelineHarness.TICK_STAFF)
            .setVisitorId("v-tick")
            .setOccurredAt(at)
            .build());
  }
}
