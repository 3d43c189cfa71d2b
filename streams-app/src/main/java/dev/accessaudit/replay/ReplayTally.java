package dev.accessaudit.replay;

import dev.accessaudit.avro.AccessEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Counts, from what the topology did with each access record, the period's judged accesses, invalid
 * records and duplicates; keeps the judged accesses, and their eventIds, when the request asks for
 * them. Each replay worker keeps its own counts; they are {@linkplain #add(ReplayTally) added up}
 * at the end. The eventIds go to the one set the workers share.
 */
final class ReplayTally {

  private final ReplayRequest request;
  private final JudgedEvents judged;
  private final List<AccessEvent> kept = new ArrayList<>();
  long events;
  long invalid;
  long duplicates;
  long recordsRead;
  long stateRecords;

  ReplayTally(ReplayRequest request, JudgedEvents judged) {
    this.request = request;
    this.judged = judged;
  }

  /** An agreement or consent record was piped in. */
  void stateRecord() {
    stateRecords++;
  }

  /** An access record was piped in, and the topology did {@code outcome} with it. */
  void access(FeedRecord record, ReplayDriver.Outcome outcome) {
    recordsRead++;
    AccessEvent event = record.value() instanceof AccessEvent e ? e : null;
    switch (outcome) {
      case DEAD_LETTERED -> {
        long time = event != null ? record.time() : record.raw().timestamp();
        invalid += request.inPeriod(time) ? 1 : 0;
      }
      case ADMITTED -> {
        if (event != null && request.reports(event)) {
          events++;
          if (request.keepEventIds()) {
            judged.add(event.getEventId());
          }
          if (request.keepAccesses()) {
            kept.add(event);
          }
        }
      }
      case DUPLICATE -> duplicates += event != null && request.reports(event) ? 1 : 0;
    }
  }

  /** Adds another worker's counts and kept accesses to these. */
  void add(ReplayTally other) {
    events += other.events;
    invalid += other.invalid;
    duplicates += other.duplicates;
    recordsRead += other.recordsRead;
    stateRecords += other.stateRecords;
    kept.addAll(other.kept);
  }

  /** The judged accesses of the period, by occurredAt; empty unless the request keeps them. */
  List<AccessEvent> accesses() {
    kept.sort(
        Comparator.comparing(AccessEvent::getOccurredAt).thenComparing(AccessEvent::getEventId));
    return kept;
  }
}
