package dev.accessaudit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AlertStatus;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The replay's alerts on disk: the latest version of each that stands, in report order. */
class AlertLogTest {

  private static ComplianceAlert alert(String eventId, Instant at, String rule) {
    AccessEvent access = ReportFixtures.event(eventId, at, "s-1", "v-1");
    return ReportFixtures.alert(access, rule, Severity.HIGH, "summary of " + eventId);
  }

  @Test
  void shouldKeepTheLatestVersionOfEachAlertInReportOrder() {
    Instant t = Instant.parse("2026-03-01T09:00:00Z");
    ComplianceAlert late = alert("e-2", t.plusSeconds(60), "AGREEMENT_MISSING");
    ComplianceAlert early = alert("e-1", t, "AGREEMENT_MISSING");
    ComplianceAlert before1970 = alert("e-0", Instant.parse("1969-12-31T23:59:59Z"), "BULK_ACCESS");
    ComplianceAlert folded =
        ComplianceAlert.newBuilder(early).setSummary("folded with 2 repeats").build();

    try (AlertLog log = AlertLog.of(List.of(late, early, before1970, folded))) {
      assertThat(log.size()).isEqualTo(3);
      assertThat(log).containsExactly(before1970, folded, late);
      assertThat(log).as("a second reading").containsExactly(before1970, folded, late);
    }
  }

  @Test
  void shouldForgetARetractedAlertAndCountOnlyThoseThatStand() {
    ComplianceAlert raised =
        alert("e-1", Instant.parse("2026-03-01T09:00:00Z"), "AGREEMENT_MISSING");
    ComplianceAlert retracted =
        ComplianceAlert.newBuilder(raised).setStatus(AlertStatus.RETRACTED).build();
    ComplianceAlert other = alert("e-2", Instant.parse("2026-03-01T10:00:00Z"), "BULK_ACCESS");

    try (AlertLog log = AlertLog.of(List.of(raised, other, retracted, retracted))) {
      assertThat(log.size()).isEqualTo(1);
      assertThat(log).containsExactly(other);
      log.keepLatest(raised);
      assertThat(log.size()).isEqualTo(2);
      assertThat(log).containsExactly(raised, other);
    }
  }

  @Test
  void shouldGiveTheOrderOfTheReportComparatorOverManyRandomAlerts() {
    Random random = new Random(7);
    Instant base = Instant.parse("2026-03-01T00:00:00Z");
    List<ComplianceAlert> alerts = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      Instant at = base.plus(Duration.ofMillis(random.nextInt(1_000_000) - 500_000L));
      alerts.add(alert("e-" + i, at, random.nextBoolean() ? "BULK_ACCESS" : "AGREEMENT_MISSING"));
    }

    try (AlertLog log = AlertLog.of(alerts);
        Stream<ComplianceAlert> stream = log.stream()) {
      assertThat(stream.toList())
          .containsExactlyElementsOf(alerts.stream().sorted(AlertLog.REPORT_ORDER).toList());
    }
  }

  @Test
  void shouldDeleteItsDirectoryOnCloseEvenWithAnIterationLeftOpen() throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    List<Path> before = logDirectories(tmp);
    AlertLog log = AlertLog.of(List.of(alert("e-1", Instant.EPOCH, "BULK_ACCESS")));
    Iterator<ComplianceAlert> open = log.iterator();
    assertThat(logDirectories(tmp)).hasSize(before.size() + 1);

    log.close();

    assertThat(logDirectories(tmp)).containsExactlyInAnyOrderElementsOf(before);
    assertThat(open.hasNext()).isFalse();
    assertThatThrownBy(log::iterator).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldRefuseToDiffAlertsOutOfReportOrder() {
    ComplianceAlert first = alert("e-1", Instant.parse("2026-03-01T09:00:00Z"), "BULK_ACCESS");
    ComplianceAlert second = alert("e-2", Instant.parse("2026-03-01T10:00:00Z"), "BULK_ACCESS");

    assertThatThrownBy(() -> AlertDiff.between(List.of(second, first), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("live alerts are not in report order");
  }

  private static List<Path> logDirectories(Path tmp) throws Exception {
    try (Stream<Path> paths = Files.list(tmp)) {
      return paths
          .filter(p -> p.getFileName().toString().startsWith("access-audit-replay-"))
          .toList();
    }
  }
}
