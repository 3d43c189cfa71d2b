package dev.accessaudit.cli;

import static dev.accessaudit.cli.AlertOutputTest.anAlert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.Severity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DashboardTest {
  private static final Dashboard.Status STATUS =
      new Dashboard.Status("RUNNING", Duration.ofSeconds(83), 1234, 2, "Kafka localhost:9092");

  @Test
  void shouldCountAlertsPerRuleAndSeverity() {
    Dashboard dashboard = new Dashboard(false);
    dashboard.add(anAlert("AGREEMENT_MISSING", Severity.CRITICAL));
    dashboard.add(anAlert("AGREEMENT_MISSING", Severity.CRITICAL));
    dashboard.add(anAlert("BULK_ACCESS", Severity.MEDIUM));

    String frame = dashboard.render(STATUS, 200);

    assertThat(frame).startsWith(Dashboard.CLEAR);
    assertThat(frame)
        .contains("pipeline RUNNING   up 0:01:23")
        .contains("events published     1,234     alerts       3     dead letters     2")
        .containsPattern("AGREEMENT_MISSING +2 +\\. +\\. +\\.")
        .containsPattern("BULK_ACCESS +\\. +\\. +1 +\\.");
    assertThat(dashboard.total()).isEqualTo(3);
  }

  @Test
  void shouldKeepTheTenNewestAlertsNewestFirst() {
    Dashboard dashboard = new Dashboard(false);
    for (int i = 0; i < 15; i++) {
      var alert = anAlert("R" + i, Severity.LOW);
      alert.setSummary("alert number " + i);
      dashboard.add(alert);
    }

    String frame = dashboard.render(STATUS, 200);

    assertThat(frame)
        .contains("alert number 14", "alert number 5")
        .doesNotContain("alert number 4\n");
    assertThat(frame.indexOf("alert number 14")).isLessThan(frame.indexOf("alert number 13"));
  }

  @Test
  void shouldCutLinesToTheWidthWithoutCountingColourCodes() {
    assertThat(Dashboard.fit("abcdef", 3)).isEqualTo("abc");
    assertThat(Dashboard.fit("\033[31mabcdef\033[0m", 3)).isEqualTo("\033[31mabc\033[0m");
  }

  @Test
  void shouldSayWhenThereAreNoAlertsYet() {
    assertThat(new Dashboard(true).render(STATUS, 200)).contains("(none yet");
  }
}
