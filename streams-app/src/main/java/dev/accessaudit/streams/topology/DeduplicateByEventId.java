package dev.accessaudit.streams.topology;

import dev.accessaudit.avro.AccessEvent;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Drops an access event whose eventId was already seen within the de-duplication window, so an
 * event published twice (a producer retry, a re-run of a batch) is judged once. Events are
 * co-partitioned by staffId, and a retry carries the same staffId, so each task sees every copy.
 * The window is counted in arrival time, the task's stream time, not in the event's own time: an
 * event years old re-published twice is still a retry. Ids are stored at their arrival time rounded
 * down to a tenth of the window ({@link PipelineOptions#dedupMemory()}), so a look-up visits at
 * most eleven time slots whatever the store: the in-memory window store a replay uses pays for
 * every slot a look-up spans, not only for those that hold the id (at a hundredth, the look-up was
 * a quarter of a replay's time). The store keeps a slot for the window and one slot more, so an id
 * is remembered for at least the window and at most a tenth more; that bounds its size.
 */
final class DeduplicateByEventId implements FixedKeyProcessor<String, AccessEvent, AccessEvent> {

  private final String storeName;
  private final long windowMs;
  private final long slotMs;
  private FixedKeyProcessorContext<String, AccessEvent> context;
  private WindowStore<String, Long> seen;

  DeduplicateByEventId(String storeName, Duration window, Duration slot) {
    this.storeName = storeName;
    this.windowMs = window.toMillis();
    this.slotMs = slot.toMillis();
  }

  @Override
  public void init(FixedKeyProcessorContext<String, AccessEvent> context) {
    this.context = context;
    this.seen = context.getStateStore(storeName);
  }

  @Override
  public void process(FixedKeyRecord<String, AccessEvent> record) {
    String eventId = record.value().getEventId();
    long slot = Math.floorDiv(context.currentStreamTimeMs(), slotMs) * slotMs;
    if (alreadySeen(eventId, slot)) {
      return;
    }
    seen.put(eventId, record.timestamp(), slot);
    context.forward(record);
  }

  private boolean alreadySeen(String eventId, long slot) {
    try (WindowStoreIterator<Long> copies = seen.fetch(eventId, slot - windowMs, slot)) {
      return copies.hasNext();
    }
  }
}
