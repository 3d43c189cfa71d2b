package dev.accessaudit.replay;

import dev.accessaudit.avro.AccessEvent;
import java.util.Comparator;

/**
 * A valid, de-duplicated access read from one partition, with its offset for ordering ties.
 *
 * @param event the access
 * @param time its occurredAt in epoch milliseconds
 * @param offset its offset in the partition
 */
record ReplayAccess(AccessEvent event, long time, long offset) {

  /** The order in which the live pipeline's grace buffer releases one staff member's accesses. */
  static final Comparator<ReplayAccess> JUDGEMENT_ORDER =
      Comparator.comparingLong(ReplayAccess::time).thenComparingLong(ReplayAccess::offset);

  ReplayAccess(AccessEvent event, long offset) {
    this(event, event.getOccurredAt().toEpochMilli(), offset);
  }
}
