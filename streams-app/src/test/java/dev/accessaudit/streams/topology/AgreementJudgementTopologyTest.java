package dev.accessaudit.streams.topology;

import static dev.accessaudit.streams.AuditFixtures.T0;
import static dev.accessaudit.streams.AuditFixtures.agreementPolicy;
import static dev.accessaudit.streams.AuditFixtures.anAccessEvent;
import static dev.accessaudit.streams.AuditFixtures.anAgreement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.AlertStatus;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.Severity;
import dev.accessaudit.streams.AuditFixtures;
import dev.accessaudit.streams.judgement.AlertIds;
import dev.accessaudit.streams.judgement.Rejudgement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The agreement rules through the real topology, with agreements as they stood at each access. */
class AgreementJudgementTopologyTest {

  private static final Duration GRACE = PipelineHarness.GRACE;

  private final PipelineHarness pipeline = new PipelineHarness(agreementPolicy());

  @AfterEach
  void close() {
    pipeline.close();
  }

  private List<ComplianceAlert> judge(AccessEvent event) {
    pipeline.access(event);
    pipeline.advancePast(event.getOccurredAt(), GRACE);
    return pipeline.alerts();
  }

  private static List<String> rules(List<ComplianceAlert> alerts) {
    return alerts.stream().map(ComplianceAlert::getRuleId).toList();
  }

  @Test
  void shouldRaiseNothingWhenAgreementActiveAtAccess() {
    pipeline.agreement(anAgreement(AgreementStatus.ACTIVE, T0.minusSeconds(3600)).build());

    assertThat(judge(anAccessEvent().build())).isEmpty();
  }

  @Test
  void shouldRaiseAlertWhenAgreementRevokedBeforeAccess() {
    pipeline.agreement(anAgreement(AgreementStatus.ACTIVE, T0.minusSeconds(7200)).build());
    pipeline.agreement(anAgreement(AgreementStatus.REVOKED, T0.minusSeconds(60)).build());

    List<ComplianceAlert> alerts = judge(anAccessEvent().build());

    assertThat(rules(alerts)).containsExactly("AGREEMENT_REVOKED");
    assertThat(alerts.get(0).getSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(alerts.get(0).getAgreementStatus()).isEqualTo(AgreementStatus.REVOKED);
    assertThat(alerts.get(0).getAgreementEffectiveFrom()).isEqualTo(T0.minusSeconds(60));
  }

  @Test
  void shouldJudgeByAgreementInForceWhenRevokedAfterAccess() {
    pipeline.agreement(anAgreement(AgreementStatus.ACTIVE, T0.minusSeconds(7200)).build());
    pipeline.agreement(anAgreement(AgreementStatus.REVOKED, T0.plusSeconds(60)).build());

    assertThat(judge(anAccessEvent().build())).isEmpty();
  }

  @Test
  void shouldRaiseExpiredWhenActiveAgreementExpiredBeforeAccess() {
    pipeline.agreement(
        anAgreement(AgreementStatus.ACTIVE, T0.minusSeconds(7200)).setExpiresAt(T0).build());

    List<ComplianceAlert> alerts = judge(anAccessEvent().build());

    assertThat(rules(alerts)).containsExactly("AGREEMENT_EXPIRED");
    assertThat(alerts.get(0).getSeverity()).isEqualTo(Severity.HIGH);
  }

  @Test
  void shouldRaiseNothingWhenAgreementExpiresAfterAccess() {
    pipeline.agreement(
        anAgreement(AgreementStatus.ACTIVE, T0.minusSeconds(7200))
            .setExpiresAt(T0.plusMillis(1))
            .build());

    assertThat(judge(anAccessEvent().build())).isEmpty();
  }

  @Test
  void shouldRaiseExpiredWhenStatusExpired() {
    pipeline.agreement(anAgreement(AgreementStatus.EXPIRED, T0.minusSeconds(60)).build());

    assertThat(rules(judge(anAccessEvent().build()))).containsExactly("AGREEMENT_EXPIRED");
  }

  @Test
  void shouldRaisePendingWhenAgreementNotYetSigned() {
    pipeline.agreement(anAgreement(AgreementStatus.PENDING, T0.minusSeconds(60)).build());

    assertThat(rules(judge(anAccessEvent().build()))).containsExactly("AGREEMENT_PENDING");
  }

  @Test
  void shouldRaiseMissingWhenNoAgreementEverRecorded() {
    List<ComplianceAlert> alerts = judge(anAccessEvent().build());

    assertThat(rules(alerts)).containsExactly("AGREEMENT_MISSING");
    assertThat(alerts.get(0).getAgreementStatus()).isNull();
    assertThat(alerts.get(0).getAgreementEffectiveFrom()).isNull();
  }

  @Test
  void shouldRaiseMissingWhenAgreementStatusUnknown() {
    pipeline.agreement(anAgreement(AgreementStatus.UNKNOWN, T0.minusSeconds(60)).build());

    assertThat(rules(judge(anAccessEvent().build()))).containsExactly("AGREEMENT_MISSING");
  }

  @Test
  void shouldRaiseMissingWhenAgreementDeletedBeforeAccess() {
    pipeline.agreement(anAgreement(AgreementStatus.ACTIVE, T0.minusSeconds(7200)).build());
    pipeline.removeAgreement("s-0001", T0.minusSeconds(60));

    assertThat(rules(judge(anAccessEvent().build()))).containsExactly("AGREEMENT_MISSING");
  }

  @Test
  void shouldUseAgreementInForceWhenDeletedAfterAccess() {
    pipeline.agreement(anAgreement(AgreementStatus.ACTIVE, T0.minusSeconds(7200)).build());
    pipeline.removeAgreement("s-0001", T0.plusSeconds(60));

    assertThat(judge(anAccessEvent().build())).isEmpty();
  }

  @Test
  void shouldUseLateAgreementArrivingWithinGracePeriod() {
    pipeline.access(anAccessEvent().build());
    pipeline.agreement(anAgreement(AgreementStatus.REVOKED, T0.minusSeconds(30)).build());
    pipeline.advancePast(T0, GRACE);

    assertThat(rules(pipeline.alerts())).containsExactly("AGREEMENT_REVOKED");
  }

  @Test
  void shouldRetractMissingWhenSignatureArrivesAfterGracePeriod() {
    pipeline.access(anAccessEvent().build());
    pipeline.advancePast(T0, GRACE);
    pipeline.agreement(anAgreement(AgreementStatus.ACTIVE, T0.minusSeconds(30)).build());
    pipeline.advancePast(T0.plus(GRACE), GRACE);

    List<ComplianceAlert> alerts = pipeline.alerts();
    assertThat(rules(alerts)).containsExactly("AGREEMENT_MISSING", "AGREEMENT_MISSING");
    assertThat(alerts.get(0).getStatus()).isEqualTo(AlertStatus.RAISED);
    assertThat(alerts.get(1).getStatus()).isEqualTo(AlertStatus.RETRACTED);
    assertThat(alerts.get(1).getAlertId()).isEqualTo(alerts.get(0).getAlertId());
    assertThat(alerts.get(1).getDetails().get(Rejudgement.RETRACTED_BECAUSE))
        .contains("agreement record of s-0001", "arrived after the access was judged");
  }

  @Test
  void shouldRaiseRevokedWhenRevocationArrivesTenMinutesLate() {
    pipeline.agreement(anAgreement(AgreementStatus.ACTIVE, T0.minusSeconds(7200)).build());
    pipeline.access(anAccessEvent().build());
    pipeline.advancePast(T0.plusSeconds(600), GRACE);
    assertThat(pipeline.alerts()).isEmpty();

    pipeline.agreement(
        anAgreement(AgreementStatus.REVOKED, T0.minusSeconds(60)).build(), T0.plusSeconds(600));

    List<ComplianceAlert> alerts = pipeline.alerts();
    assertThat(rules(alerts)).containsExactly("AGREEMENT_REVOKED");
    assertThat(alerts.get(0).getStatus()).isEqualTo(AlertStatus.RAISED);
    assertThat(alerts.get(0).getAgreementEffectiveFrom()).isEqualTo(T0.minusSeconds(60));
    assertThat(alerts.get(0).getDetails()).containsKey(Rejudgement.CORRECTED_BY);
  }

  @Test
  void shouldNotCorrectAccessesBeyondTheCorrectionHorizon() {
    try (PipelineHarness shortHorizon =
        new PipelineHarness(
            agreementPolicy(),
            PipelineOptions.defaults()
                .withGrace(Duration.ZERO)
                .withCorrectionHorizon(Duration.ofHours(1)))) {
      shortHorizon.access(anAccessEvent().build());
      shortHorizon.access(
          anAccessEvent().setEventId("evt-later").setOccurredAt(T0.plusSeconds(7200)).build());
      shortHorizon.agreement(
          anAgreement(AgreementStatus.ACTIVE, T0.minusSeconds(30)).build(), T0.plusSeconds(7200));

      List<ComplianceAlert> alerts = shortHorizon.alerts();
      // evt-1 is two hours behind the newest access: beyond the horizon, its alert stands
      assertThat(alerts)
          .extracting(ComplianceAlert::getEventId, ComplianceAlert::getStatus)
          .containsExactly(
              tuple("evt-1", AlertStatus.RAISED),
              tuple("evt-later", AlertStatus.RAISED),
              tuple("evt-later", AlertStatus.RETRACTED));
    }
  }

  @Test
  void shouldHoldAccessUntilGracePeriodHasPassed() {
    pipeline.access(anAccessEvent().build());

    assertThat(pipeline.alerts()).isEmpty();
  }

  @Test
  void shouldJudgeAtOnceWhenGracePeriodIsZero() {
    try (PipelineHarness noGrace =
        new PipelineHarness(
            agreementPolicy(), PipelineOptions.defaults().withGrace(Duration.ZERO))) {
      noGrace.access(anAccessEvent().build());

      assertThat(rules(noGrace.alerts())).containsExactly("AGREEMENT_MISSING");
    }
  }

  @Test
  void shouldRaiseEachAlertOnceWhenEventPublishedTwice() {
    AccessEvent event = anAccessEvent().build();
    pipeline.access(event);
    pipeline.access(event);
    pipeline.advancePast(T0, GRACE);

    assertThat(rules(pipeline.alerts())).containsExactly("AGREEMENT_MISSING");
  }

  @Test
  void shouldJudgeRetryAgainWhenOutsideDeduplicationWindow() {
    try (PipelineHarness shortWindow = oneMinuteDeduplication()) {
      shortWindow.access(anAccessEvent().build());
      shortWindow.access(
          anAccessEvent().setEventId("evt-2").setOccurredAt(T0.plusSeconds(600)).build());
      shortWindow.access(anAccessEvent().setOccurredAt(T0.plusSeconds(900)).build());

      assertThat(shortWindow.alerts()).hasSize(3);
    }
  }

  @Test
  void shouldDropRetryArrivingJustWithinDeduplicationWindowFromTheEndOfASlot() {
    // A one-minute window has six-second slots; the first copy arrives in the last millisecond of
    // its slot and the retry one millisecond short of a window later, in the slot a window on.
    Instant first = T0.plusMillis(5_999);
    try (PipelineHarness shortWindow = oneMinuteDeduplication()) {
      shortWindow.access(anAccessEvent().setOccurredAt(first).build());
      shortWindow.access(
          anAccessEvent().setEventId("evt-2").setOccurredAt(first.plusSeconds(59)).build());
      shortWindow.access(
          anAccessEvent().setOccurredAt(first.plus(Duration.ofMinutes(1)).minusMillis(1)).build());

      assertThat(shortWindow.alerts()).hasSize(2);
    }
  }

  /** No grace, and a one-minute de-duplication window (slots of six seconds). */
  private static PipelineHarness oneMinuteDeduplication() {
    return new PipelineHarness(
        agreementPolicy(),
        PipelineOptions.defaults().withGrace(Duration.ZERO).withDedupWindow(Duration.ofMinutes(1)));
  }

  @Test
  void shouldGiveDeterministicAlertFields() {
    pipeline.agreement(anAgreement(AgreementStatus.PENDING, T0.minusSeconds(60)).build());

    ComplianceAlert alert = judge(anAccessEvent().build()).get(0);

    assertThat(alert.getAlertId()).isEqualTo(AlertIds.of("evt-1", "AGREEMENT_PENDING"));
    assertThat(alert.getPolicyVersion()).isEqualTo("test");
    assertThat(alert.getPolicyClause()).isEqualTo(AuditFixtures.CLAUSE);
    assertThat(alert.getDetectedAt()).isEqualTo(PipelineHarness.DETECTED_AT);
    assertThat(alert.getOccurredAt()).isEqualTo(T0);
    assertThat(alert.getStaffId()).isEqualTo("s-0001");
    assertThat(alert.getVisitorId()).isEqualTo("v-000001");
    assertThat(alert.getService()).isEqualTo("crm");
    assertThat(alert.getSummary()).contains("s-0001", "v-000001", "pending");
  }

  @Test
  void shouldKeyAlertsByStaffId() {
    pipeline.access(anAccessEvent().setStaffId("s-0777").build());
    pipeline.advancePast(T0, GRACE);

    assertThat(pipeline.alerts.readKeyValuesToList())
        .extracting(kv -> kv.key)
        .containsExactly("s-0777");
  }

  @Test
  void shouldJudgeOtherStaffIndependently() {
    pipeline.agreement(anAgreement(AgreementStatus.REVOKED, Instant.EPOCH.plusMillis(5)).build());
    pipeline.agreement(
        anAgreement(AgreementStatus.ACTIVE, Instant.EPOCH.plusMillis(5))
            .setStaffId("s-0002")
            .build());

    pipeline.access(anAccessEvent().build());
    pipeline.access(anAccessEvent().setEventId("evt-2").setStaffId("s-0002").build());
    pipeline.advancePast(T0, GRACE);

    assertThat(pipeline.alerts()).extracting(ComplianceAlert::getStaffId).containsExactly("s-0001");
  }
}
