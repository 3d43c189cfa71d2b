package dev.accessaudit.streams.topology;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.EnrichedAccess;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Accesses already judged, kept for the correction horizon so that a late state record can have
 * them judged again: a window store keyed {@code <state key> NUL <eventId>} at the access time, so
 * one range read finds every kept access of one staff member (or visitor) from a given time on. The
 * store's retention is the horizon, counted in event time like every window store. Accesses are
 * stored at their time rounded down to the minute, so a range read visits few time slots whatever
 * the store; it may return accesses up to a minute before the time asked for, which the caller's
 * own "as of" comparison leaves unchanged.
 */
final class KeptAccesses {

  private static final char SEPARATOR = '\u0000';
  private static final long SLOT_MS = 60_000;

  private final WindowStore<String, EnrichedAccess> store;

  KeptAccesses(WindowStore<String, EnrichedAccess> store) {
    this.store = store;
  }

  /** Keeps (or replaces) the access as judged, under {@code stateKey}. */
  void keep(String stateKey, EnrichedAccess access) {
    AccessEvent event = access.getEvent();
    EnrichedAccess plain =
        access.getCorrection() == null
            ? access
            : new EnrichedAccess(
                event,
                access.getAgreement(),
                access.getConsentLookedUp(),
                access.getConsent(),
                null);
    store.put(key(stateKey, event.getEventId()), plain, slot(event.getOccurredAt().toEpochMilli()));
  }

  /** The kept access with this event id and time, or null when it is not (or no longer) kept. */
  EnrichedAccess get(String stateKey, AccessEvent event) {
    long time = slot(event.getOccurredAt().toEpochMilli());
    try (WindowStoreIterator<EnrichedAccess> it =
        store.fetch(key(stateKey, event.getEventId()), time, time)) {
      return it.hasNext() ? it.next().value : null;
    }
  }

  /** Every kept access under {@code stateKey} that occurred at or after {@code from}. */
  List<EnrichedAccess> from(String stateKey, long from) {
    List<EnrichedAccess> kept = new ArrayList<>();
    try (KeyValueIterator<Windowed<String>, EnrichedAccess> it =
        store.fetch(
            stateKey + SEPARATOR, stateKey + (char) (SEPARATOR + 1), slot(from), Long.MAX_VALUE)) {
      while (it.hasNext()) {
        KeyValue<Windowed<String>, EnrichedAccess> next = it.next();
        if (next.key.key().startsWith(stateKey + SEPARATOR)) {
          kept.add(next.value);
        }
      }
    }
    return kept;
  }

  private static long slot(long time) {
    return Math.floorDiv(time, SLOT_MS) * SLOT_MS;
  }

  private static String key(String stateKey, String eventId) {
    return stateKey + SEPARATOR + eventId;
  }
}
