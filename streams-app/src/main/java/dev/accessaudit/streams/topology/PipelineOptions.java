package dev.accessaudit.streams.topology;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of the judging topology.
 *
 * @param dedupWindow how long an eventId is remembered to drop re-published duplicates
 * @param grace how long an access waits for late agreement and consent records before it is judged;
 *     longer catches later records, but delays every alert by as much. Default zero: with Kafka
 *     Streams 4.3.1, accesses held in the join's grace buffer are not released after a restart
 * @param historyRetention how far back the versioned agreement and consent tables answer "as of"
 *     look-ups; accesses older than this (relative to stream time) see no agreement
 */
public record PipelineOptions(Duration dedupWindow, Duration grace, Duration historyRetention) {

  public PipelineOptions {
    Objects.requireNonNull(dedupWindow, "dedupWindow");
    Objects.requireNonNull(grace, "grace");
    Objects.requireNonNull(historyRetention, "historyRetention");
    requirePositive("dedupWindow", dedupWindow);
    requirePositive("historyRetention", historyRetention);
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative, was " + grace);
    }
  }

  public static PipelineOptions defaults() {
    return new PipelineOptions(Duration.ofDays(7), Duration.ZERO, Duration.ofDays(3650));
  }

  public PipelineOptions withGrace(Duration newGrace) {
    return new PipelineOptions(dedupWindow, newGrace, historyRetention);
  }

  public PipelineOptions withDedupWindow(Duration window) {
    return new PipelineOptions(window, grace, historyRetention);
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
