package dev.accessaudit.streams.rules.bulk;

import dev.accessaudit.streams.rules.AccessContext;
import dev.accessaudit.streams.rules.Rule;
import dev.accessaudit.streams.rules.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * BULK_ACCESS: one staff member touching more than {@code threshold} distinct visitors within one
 * tumbling {@code window} (aligned to the epoch). It is judged over many accesses, so the
 * per-access {@link #check} never fires; the judge counts distinct visitors per window and asks
 * {@link #checkCount} once the count passes the threshold, which gives exactly one alert per staff
 * member and window however long the burst lasts.
 */
public final class BulkAccessRule implements Rule {

  public static final String ID = "BULK_ACCESS";
  public static final int DEFAULT_THRESHOLD = 200;
  public static final Duration DEFAULT_WINDOW = Duration.ofHours(1);

  private final int threshold;
  private final Duration window;

  public BulkAccessRule(int threshold, Duration window) {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1, was " + threshold);
    }
    if (window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("window must be positive, was " + window);
    }
    this.threshold = threshold;
    this.window = window;
  }

  public BulkAccessRule() {
    this(DEFAULT_THRESHOLD, DEFAULT_WINDOW);
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

  /** Start of the tumbling window that contains the instant, in epoch millis. */
  public long windowStart(long epochMillis) {
    long size = window.toMillis();
    return Math.floorDiv(epochMillis, size) * size;
  }

  @Override
  public Optional<Violation> check(AccessContext access) {
    return Optional.empty();
  }

  /** The violation when {@code distinctVisitors} is more than the threshold. */
  public Optional<Violation> checkCount(
      String staffId, int distinctVisitors, Instant windowStart, Instant windowEnd) {
    if (distinctVisitors <= threshold) {
      return Optional.empty();
    }
    String summary =
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
            + " allowed.";
    return Optional.of(
        new Violation(
            summary,
            Map.of(
                "distinctVisitors", Integer.toString(distinctVisitors),
                "threshold", Integer.toString(threshold),
                "windowStart", windowStart.toString(),
                "windowEnd", windowEnd.toString())));
  }
}
