package dev.accessaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.AccessAction;
import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.AlertStatus;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.DataCategory;
import dev.accessaudit.avro.Severity;
import dev.accessaudit.streams.judgement.Rejudgement;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertOutputTest {
  static ComplianceAlert anAlert(String rule, Severity severity) {
    Instant t = Instant.parse("2026-03-01T09:00:00.250Z");
    return ComplianceAlert.newBuilder()
        .setAlertId("a-1")
        .setRuleId(rule)
        .setSeverity(severity)
        .setSummary("s-1 viewed v-2 with no agreement on record")
        .setPolicyVersion("2009")
        .setPolicyClause("clause")
        .setEventId("e-1")
        .setOccurredAt(t)
        .setStaffId("s-1")
        .setVisitorId("v-2")
        .setService("crm")
        .setCategory(DataCategory.CONTACT_INFO)
        .setAction(AccessAction.VIEW)
        .setPurpose(AccessPurpose.CUSTOMER_CONTACT)
        .setAgreementStatus(null)
        .setAgreementEffectiveFrom(null)
        .setDetectedAt(t.plusSeconds(2))
        .setDetails(Map.of("window", "1h"))
        .build();
  }

  @Test
  void shouldPrintOneReadableLine() {
    assertThat(AlertFormat.TEXT.format(anAlert("AGREEMENT_MISSING", Severity.CRITICAL)))
        .isEqualTo(
            "2026-03-01T09:00:00Z  CRITICAL  "
                + String.format("%-29s", "AGREEMENT_MISSING")
                + "  staff s-1       visitor v-2         crm: s-1 viewed v-2 with no agreement on record");
  }

  @Test
  void shouldSayARetractionAndWhyInTheTextLine() {
    ComplianceAlert retracted =
        ComplianceAlert.newBuilder(anAlert("AGREEMENT_MISSING", Severity.CRITICAL))
            .setStatus(AlertStatus.RETRACTED)
            .setDetails(Map.of(Rejudgement.RETRACTED_BECAUSE, "a late signature"))
            .build();

    assertThat(AlertFormat.TEXT.format(retracted))
        .endsWith("crm: RETRACTED (a late signature): s-1 viewed v-2 with no agreement on record");
  }

  @Test
  void shouldPrintEveryFieldAsOneJsonObject() {
    String json = AlertFormat.JSON.format(anAlert("AGREEMENT_MISSING", Severity.CRITICAL));

    assertThat(json)
        .startsWith(
            "{\"alertId\":\"a-1\",\"ruleId\":\"AGREEMENT_MISSING\",\"severity\":\"CRITICAL\"")
        .contains("\"occurredAt\":\"2026-03-01T09:00:00.250Z\"")
        .contains("\"agreementStatus\":null")
        .endsWith("\"details\":{\"window\":\"1h\"},\"status\":\"RAISED\"}")
        .doesNotContain("\n");
  }

  @Test
  void shouldKeepAlertsAtOrAboveTheMinimumSeverity() {
    AlertFilter high = new AlertFilter(AlertFilter.MinSeverity.HIGH, Set.of());

    assertThat(high.matches(anAlert("R", Severity.CRITICAL))).isTrue();
    assertThat(high.matches(anAlert("R", Severity.HIGH))).isTrue();
    assertThat(high.matches(anAlert("R", Severity.MEDIUM))).isFalse();
    assertThat(high.matches(anAlert("R", Severity.UNKNOWN))).isTrue();
  }

  @Test
  void shouldKeepOnlyTheChosenRules() {
    AlertFilter rules = new AlertFilter(AlertFilter.MinSeverity.LOW, Set.of("A", "B"));

    assertThat(rules.matches(anAlert("A", Severity.LOW))).isTrue();
    assertThat(rules.matches(anAlert("C", Severity.CRITICAL))).isFalse();
  }
}
