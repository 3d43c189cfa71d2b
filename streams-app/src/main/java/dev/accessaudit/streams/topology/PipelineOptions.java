package dev.accessaudit.streams.topology;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the judging topology.
 *
 * @param dedupWindow how long an eventId is remembered to drop re-published duplicates, counted in
 *     arrival (stream) time: a retry is a retry however old the event
 * @param grace how long an access waits for late agreement and consent records before it is judged
 *     (stream time, and at most as long on the wall clock); longer catches later records without a
 *     correction, but delays every alert by as much
 * @param historyRetention how far back before its publish time a state record may take effect; the
 *     versioned stores keep that much history (plus the schedule-ahead bound)
 * @param correctionHorizon how long (event time) judged accesses are kept, so that a late state
 *     record judges them again and retracts or raises alerts
 * @param maxScheduleAhead how far after its publish time a state record may take effect
 */
public record PipelineOptions(
    Duration dedupWindow,
    Duration grace,
    Duration historyRetention,
    Duration correctionHorizon,
    Duration maxScheduleAhead) {

  public PipelineOptions {
    Objects.requireNonNull(dedupWindow, "dedupWindow");
    Objects.requireNonNull(grace, "grace");
    Objects.requireNonNull(historyRetention, "historyRetention");
    Objects.requireNonNull(correctionHorizon, "correctionHorizon");
    Objects.requireNonNull(maxScheduleAhead, "maxScheduleAhead");
    requirePositive("dedupWindow", dedupWindow);
    requirePositive("historyRetention", historyRetention);
    requirePositive("correctionHorizon", correctionHorizon);
    requirePositive("maxScheduleAhead", maxScheduleAhead);
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative, was " + grace);
    }
  }

  /** 7 d de-duplication, 10 s grace, 100 years of history, 24 h corrections, 366 d ahead. */
  public static PipelineOptions defaults() {
    return new PipelineOptions(
        Duration.ofDays(7),
        Duration.ofSeconds(10),
        Duration.ofDays(36500),
        Duration.ofHours(24),
        Duration.ofDays(366));
  }

  public PipelineOptions withGrace(Duration newGrace) {
    return new PipelineOptions(
        dedupWindow, newGrace, historyRetention, correctionHorizon, maxScheduleAhead);
  }

  public PipelineOptions withDedupWindow(Duration window) {
    return new PipelineOptions(
        window, grace, historyRetention, correctionHorizon, maxScheduleAhead);
  }

  public PipelineOptions withHistoryRetention(Duration retention) {
    return new PipelineOptions(dedupWindow, grace, retention, correctionHorizon, maxScheduleAhead);
  }

  public PipelineOptions withCorrectionHorizon(Duration horizon) {
    return new PipelineOptions(dedupWindow, grace, historyRetention, horizon, maxScheduleAhead);
  }

  /**
   * The de-duplication store's time slot: an id is stored at its arrival time rounded down to a
   * tenth of the window, so a look-up spans at most eleven slots.
   */
  Duration dedupSlot() {
    return Duration.ofMillis(Math.max(1, dedupWindow.toMillis() / 10));
  }

  /** The longest an eventId is remembered: the window and the slot its arrival was rounded into. */
  public Duration dedupMemory() {
    return dedupWindow.plus(dedupSlot());
  }

  /**
   * What the versioned stores keep: a state record may take effect up to the history retention
   * before its publish time, and the stores count retention from the latest version, which may lie
   * up to the schedule-ahead bound after; a day's margin for publish times out of order.
   */
  Duration storeRetention() {
    return historyRetention.plus(maxScheduleAhead).plus(Duration.ofDays(1));
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
