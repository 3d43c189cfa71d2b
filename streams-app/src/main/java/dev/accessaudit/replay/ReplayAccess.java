package dev.accessaudit.replay;

import dev.accessaudit.avro.AccessEvent;

/**
 * A valid, first-seen access read from one partition, with its offset for ordering ties.
 *
 * @param event the access
 * @param time its occurredAt in epoch milliseconds
 * @param offset its offset in the partition
 */
record ReplayAccess(AccessEvent event, long time, long offset) {

  ReplayAccess(AccessEvent event, long offset) {
    this(event, event.getOccurredAt().toEpochMilli(), offset);
  }
}
