package dev.accessaudit.streams.rules.staff;

import static dev.accessaudit.streams.rules.fixtures.Accesses.anAccessEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessaudit.streams.rules.AccessContext;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BulkAccessRuleTest {

  private static final Instant START = Instant.parse("2010-03-01T10:00:00Z");
  private static final Instant END = START.plus(Duration.ofHours(1));

  private final BulkAccessRule rule = new BulkAccessRule();

  @Test
  void shouldDefaultTo200VisitorsPerHour() {
    assertThat(rule.threshold()).isEqualTo(200);
    assertThat(rule.window()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void shouldRaiseWhenMoreThanThresholdDistinctVisitors() {
    var violation = rule.checkCount("s-0042", 201, START, END);

    assertThat(violation).isPresent();
    assertThat(violation.get().summary())
        .isEqualTo(
            "Staff s-0042 touched the data of 201 distinct visitors between"
                + " 2010-03-01T10:00:00Z and 2010-03-01T11:00:00Z, more than the 200 allowed per 1h.");
    assertThat(violation.get().details())
        .containsEntry("distinctVisitors", "201")
        .containsEntry("threshold", "200")
        .containsEntry("windowStart", START.toString())
        .containsEntry("windowEnd", END.toString());
  }

  @Test
  void shouldNotRaiseAtOrBelowThreshold() {
    assertThat(rule.checkCount("s-0042", 200, START, END)).isEmpty();
    assertThat(rule.checkCount("s-0042", 1, START, END)).isEmpty();
  }

  @Test
  void shouldHonourConfiguredThresholdAndWindow() {
    var strict = new BulkAccessRule(5, Duration.ofMinutes(30));

    assertThat(strict.checkCount("s-1", 6, START, START.plus(strict.window()))).isPresent();
  }

  @Test
  void shouldNeverFireOnASingleAccess() {
    assertThat(rule.check(AccessContext.of(anAccessEvent().build(), null))).isEmpty();
  }

  @Test
  void shouldRejectNonsenseParameters() {
    assertThatThrownBy(() -> new BulkAccessRule(0, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BulkAccessRule(10, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
