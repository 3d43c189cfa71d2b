package dev.accessaudit.replay;

import java.time.Duration;
import java.util.Locale;

/**
 * What a replay did.
 *
 * @param events valid, distinct accesses in the period (and filters) that were judged
 * @param invalid records in the period skipped as the pipeline dead-letters them
 * @param duplicates copies of an already judged eventId in the period
 * @param recordsRead access records read, the look-back and look-ahead included
 * @param stateRecords agreement and consent records read
 * @param alerts alerts raised for the period's accesses
 * @param elapsed wall-clock time of the whole replay
 */
public record ReplayStats(
    long events,
    long invalid,
    long duplicates,
    long recordsRead,
    long stateRecords,
    long alerts,
    Duration elapsed) {

  /** Access records read and judged per second. */
  public double recordsPerSecond() {
    return recordsRead / Math.max(elapsed.toNanos() / 1e9, 1e-9);
  }

  /** The summary line printed after a replay. */
  public String summary() {
    return String.format(
        Locale.ROOT,
        "replayed %d events (%d skipped as invalid, %d duplicates) in %.1f s, %.0f events/s;"
            + " %d alerts",
        events,
        invalid,
        duplicates,
        elapsed.toNanos() / 1e9,
        recordsPerSecond(),
        alerts);
  }
}
