package dev.accessaudit.streams.judgement;

import static dev.accessaudit.streams.AuditFixtures.T0;
import static dev.accessaudit.streams.AuditFixtures.anAccessEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.Severity;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.policy.PolicyRule;
import dev.accessaudit.streams.policy.PolicyVersion;
import dev.accessaudit.streams.rules.AccessContext;
import dev.accessaudit.streams.rules.staff.BulkAccessRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BulkAccessTrackerTest {

  private static final Instant HOUR = Instant.parse("2026-03-01T09:00:00Z");

  private final BulkAccessTracker tracker =
      new BulkAccessTracker(
          new Policy(
              List.of(
                  new PolicyVersion(
                      "test",
                      Instant.EPOCH,
                      "",
                      List.of(
                          PolicyRule.of(
                              new BulkAccessRule(3, Duration.ofHours(1)),
                              Severity.MEDIUM,
                              "bulk clause"))))));
  private final MapState state = new MapState();

  private Optional<ComplianceAlert> touch(String visitor, Instant at, String eventId) {
    var event = anAccessEvent().setEventId(eventId).setVisitorId(visitor).setOccurredAt(at).build();
    return tracker.record(AccessContext.of(event, null), state, T0);
  }

  private List<ComplianceAlert> touchMany(int visitors, Instant from) {
    List<ComplianceAlert> alerts = new ArrayList<>();
    for (int i = 0; i < visitors; i++) {
      touch("v-" + i, from.plusSeconds(i), "e-" + from + "-" + i).ifPresent(alerts::add);
    }
    return alerts;
  }

  @Test
  void shouldRaiseNothingAtTheThreshold() {
    assertThat(touchMany(3, HOUR)).isEmpty();
  }

  @Test
  void shouldRaiseOnceWhenThresholdPassedHoweverLongTheBurst() {
    List<ComplianceAlert> alerts = touchMany(50, HOUR);

    assertThat(alerts).hasSize(1);
    ComplianceAlert alert = alerts.get(0);
    assertThat(alert.getRuleId()).isEqualTo("BULK_ACCESS");
    assertThat(alert.getEventId()).isEqualTo("e-" + HOUR + "-3");
    assertThat(alert.getDetails())
        .containsEntry("distinctVisitors", "4")
        .containsEntry("windowStart", "2026-03-01T09:00:00Z")
        .containsEntry("windowEnd", "2026-03-01T10:00:00Z");
  }

  @Test
  void shouldCountEachVisitorOnce() {
    for (int i = 0; i < 10; i++) {
      assertThat(touch("v-same", HOUR.plusSeconds(i), "e-" + i)).isEmpty();
    }
    assertThat(touchMany(2, HOUR.plusSeconds(100))).isEmpty();
    assertThat(touch("v-third", HOUR.plusSeconds(200), "e-third")).isPresent();
  }

  @Test
  void shouldRaiseOncePerWindow() {
    assertThat(touchMany(5, HOUR)).hasSize(1);
    assertThat(touchMany(5, HOUR.plus(Duration.ofHours(1)))).hasSize(1);
  }

  @Test
  void shouldNotCountAcrossWindowBoundary() {
    touchMany(3, HOUR.minusSeconds(10));

    assertThat(touch("v-late", HOUR.plusSeconds(1), "e-late")).isEmpty();
  }
}
