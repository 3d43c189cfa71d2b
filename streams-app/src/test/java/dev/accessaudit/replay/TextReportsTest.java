package dev.accessaudit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.ComplianceAlert;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportsTest {

  private final ReplayResult result = ReportFixtures.result();

  @org.junit.jupiter.api.AfterEach
  void deleteTheAlertLog() {
    result.close();
  }

  private static String write(java.util.function.Consumer<PrintWriter> writer) {
    StringWriter text = new StringWriter();
    writer.accept(new PrintWriter(text));
    return text.toString();
  }

  @Test
  void shouldNameVisitorAndPeriodAndListEveryAccessWithItsAlerts() {
    String text = write(out -> AccessReportFormat.TEXT.write(result, out));

    assertThat(text.lines().toList())
        .startsWith(
            "Accesses to the data of visitor v-1",
            "Period: 2026-03-01T00:00:00Z to 2026-03-04T00:00:00Z (UTC)")
        .anySatisfy(
            l ->
                assertThat(l).startsWith("2026-03-01T09:00:00Z  s-1").endsWith("AGREEMENT_MISSING"))
        .contains("3 accesses by 2 staff members; 2 of them raised alerts (2 alerts).");
  }

  @Test
  void shouldNameTheFieldsOfAChangedAlert() {
    ComplianceAlert replayed = result.alerts().iterator().next();
    ComplianceAlert live =
        ComplianceAlert.newBuilder(replayed)
            .setSeverity(dev.accessaudit.avro.Severity.HIGH)
            .setDetectedAt(Instant.EPOCH)
            .build();

    AlertDiff diff = AlertDiff.between(List.of(live), List.of(replayed));

    assertThat(diff.changed())
        .singleElement()
        .satisfies(c -> assertThat(c.fields()).containsExactly("severity"));
    assertThat(write(out -> DiffReport.text(result, 1, diff, out)))
        .contains("changed AGREEMENT_MISSING: events e-1 (severity)");
  }

  @Test
  void shouldQuoteCsvFieldsWithCommasAndQuotes() {
    String csv = write(out -> ReportFormat.CSV.write(result, out));

    assertThat(csv.split("\r\n")).hasSize(3);
    assertThat(csv)
        .startsWith("alertId,ruleId,severity,summary,")
        .contains("\"{\"\"k\"\":\"\"v, with \\\"\"quotes\\\"\"\"\"}\"");
  }

  @Test
  void shouldWriteOneJsonAlertPerLine() {
    String json = write(out -> ReportFormat.JSON.write(result, out));

    assertThat(json.lines()).hasSize(2).allMatch(l -> l.startsWith("{\"alertId\":"));
  }

  @Test
  void shouldReportAddedRemovedAndChangedAlertsPerRuleIgnoringDetectedAt() {
    ComplianceAlert kept = result.alerts().iterator().next();
    ComplianceAlert keptLater =
        ComplianceAlert.newBuilder(kept)
            .setDetectedAt(Instant.parse("2030-01-01T00:00:00Z"))
            .build();
    ComplianceAlert onlyLive =
        ReportFixtures.alert(
            result.accesses().get(1), "BULK_ACCESS", dev.accessaudit.avro.Severity.MEDIUM, "bulk");

    AlertDiff diff = AlertDiff.between(List.of(keptLater, onlyLive), result.alerts());
    String text = write(out -> DiffReport.text(result, 2, diff, out));

    assertThat(diff.changed()).isEmpty();
    assertThat(diff.added()).extracting(ComplianceAlert::getEventId).containsExactly("e-3");
    assertThat(diff.removed()).extracting(ComplianceAlert::getEventId).containsExactly("e-2");
    assertThat(text)
        .contains("added AGREEMENT_REVOKED: events e-3")
        .contains("removed BULK_ACCESS: events e-2");
    assertThat(write(out -> DiffReport.json(result, 2, diff, out)))
        .contains(
            "\"rules\":{\"AGREEMENT_REVOKED\":{\"added\":[\"e-3\"],\"removed\":[],\"changed\":[]}");
  }
}
