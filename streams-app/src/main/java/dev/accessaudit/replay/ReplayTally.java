package dev.accessaudit.replay;

import dev.accessaudit.avro.AccessEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Feeds the replay's records to the driver and counts, from what the topology did with each access
 * record, the period's judged accesses, invalid records and duplicates; keeps the judged accesses
 * when the request asks for them.
 */
final class ReplayTally {

  private final ReplayRequest request;
  private final String accessTopic;
  private final ReplayDrivers driver;
  private final List<AccessEvent> kept = new ArrayList<>();
  long events;
  long invalid;
  long duplicates;
  long recordsRead;
  long stateRecords;

  ReplayTally(ReplayRequest request, String accessTopic, ReplayDrivers driver) {
    this.request = request;
    this.accessTopic = accessTopic;
    this.driver = driver;
  }

  void feed(FeedRecord record) {
    if (!record.raw().topic().equals(accessTopic)) {
      stateRecords++;
      driver.pipe(record.raw());
      return;
    }
    recordsRead++;
    ReplayDriver.Outcome outcome = driver.pipeAccess(record.raw());
    AccessEvent event = record.value() instanceof AccessEvent e ? e : null;
    switch (outcome) {
      case DEAD_LETTERED -> {
        long time = event != null ? record.time() : record.raw().timestamp();
        invalid += request.inPeriod(time) ? 1 : 0;
      }
      case ADMITTED -> {
        if (event != null && request.reports(event)) {
          events++;
          if (request.keepAccesses()) {
            kept.add(event);
          }
        }
      }
      case DUPLICATE -> duplicates += event != null && request.reports(event) ? 1 : 0;
    }
  }

  /** The judged accesses of the period, by occurredAt; empty unless the request keeps them. */
  List<AccessEvent> accesses() {
    kept.sort(Comparator.comparing(AccessEvent::getOccurredAt));
    return kept;
  }
}
