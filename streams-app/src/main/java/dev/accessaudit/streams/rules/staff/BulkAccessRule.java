package dev.accessaudit.streams.rules.staff;

import dev.accessaudit.config.Durations;
import dev.accessaudit.streams.rules.AccessContext;
import dev.accessaudit.streams.rules.Rule;
import dev.accessaudit.streams.rules.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * BULK_ACCESS: one staff member touching the data of more than {@code threshold} distinct visitors
 * within one tumbling {@code window}. The rule is stateful, so its per-event {@link #check} never
 * fires: the topology counts distinct visitors per staff member and window and asks {@link
 * #checkCount} once per window.
 */
public final class BulkAccessRule implements Rule {

  public static final String ID = "BULK_ACCESS";
  public static final int DEFAULT_THRESHOLD = 200;
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

  private final int threshold;
  private final Duration window;

  /**
   * @param threshold the most distinct visitors allowed per window (more raises the alert)
   * @param window the length of the tumbling window
   */
  public BulkAccessRule(int threshold, Duration window) {
    Objects.requireNonNull(window, "window");
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1, was " + threshold);
    }
    if (window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("window must be positive, was " + window);
    }
    this.threshold = threshold;
    this.window = window;
  }

  /** 200 distinct visitors in one hour. */
  public BulkAccessRule() {
    this(DEFAULT_THRESHOLD, DEFAULT_WINDOW);
  }

  /** 200 distinct visitors in one hour. */
  public static BulkAccessRule withDefaults() {
    return new BulkAccessRule(DEFAULT_THRESHOLD, DEFAULT_WINDOW);
  }

  @Override
  public String id() {
    return ID;
  }

  public int threshold() {
    return threshold;
  }

  public Duration window() {
    return window;
  }

  /** The window as people write it: "1h", "30m". */
  public String windowText() {
    return Durations.format(window);
  }

  /** Always empty: bulk access is judged per window by {@link #checkCount}. */
  @Override
  public Optional<Violation> check(AccessContext access) {
    return Optional.empty();
  }

  /**
   * The violation of one staff member's window, or empty when the count is within the threshold.
   */
  public Optional<Violation> checkCount(
      String staffId, int distinctVisitors, Instant windowStart, Instant windowEnd) {
    if (distinctVisitors <= threshold) {
      return Optional.empty();
    }
    return Optional.of(
        new Violation(
            "Staff "
                + staffId
                + " touched the data of "
                + distinctVisitors
                + " distinct visitors between "
                + windowStart
                + " and "
                + windowEnd
                + ", more than the "
                + threshold
                + " allowed per "
                + windowText()
                + ".",
            Map.of(
                "distinctVisitors", Integer.toString(distinctVisitors),
                "threshold", Integer.toString(threshold),
                "windowStart", windowStart.toString(),
                "windowEnd", windowEnd.toString())));
  }
}
