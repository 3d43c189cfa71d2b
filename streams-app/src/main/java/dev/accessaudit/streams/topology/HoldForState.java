package dev.accessaudit.streams.topology;

import dev.accessaudit.avro.EnrichedAccess;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The grace buffer and the "as of occurredAt" look-up of one kind of state, in place of Kafka
 * Streams' join grace buffer (which cannot survive a restore from its changelog: see
 * docs/grace-buffer-restore-bug.md).
 *
 * <p>Each access waits in a changelogged store keyed big-endian {@code [occurredAt][arrival wall
 * clock][offset][key]} until the task's stream time passes its time plus the grace, or at the
 * latest until the grace has passed on the wall clock (a punctuator), so a quiet partition holds
 * nothing back. Released accesses are joined with {@link VersionedKeyValueStore#get(Object, long)}
 * as of their time, optionally kept for corrections, and forwarded in time order. With a zero grace
 * nothing is buffered.
 *
 * <p>Input: accesses keyed by the state's key (staffId or visitorId). Output: the same accesses
 * with the state in force at their time set (null: none on record).
 *
 * @param <V> the state's value type
 */
final class HoldForState<V> implements Processor<String, EnrichedAccess, String, EnrichedAccess> {

  private static final int PREFIX = 3 * Long.BYTES;

  private final StateKind<V> kind;
  private final long graceMs;
  private final String bufferName;
  private final String stateName;
  private final String keptName;
  private ProcessorContext<String, EnrichedAccess> context;
  private KeyValueStore<Bytes, EnrichedAccess> buffer;
  private VersionedKeyValueStore<String, V> state;
  private KeptAccesses kept;

  /**
   * The buffer's content in key order, read from the store when first needed (after any restore)
   * and kept in step with it: releasing reads here, so it neither iterates nor decodes the store.
   */
  private NavigableMap<Bytes, EnrichedAccess> pending;

  /**
   * @param bufferName the buffer store (unused with a zero grace)
   * @param stateName the versioned store of the state
   * @param keptName where released accesses are kept for corrections; null: not kept here
   */
  HoldForState(
      StateKind<V> kind, Duration grace, String bufferName, String stateName, String keptName) {
    this.kind = kind;
    this.graceMs = grace.toMillis();
    this.bufferName = bufferName;
    this.stateName = stateName;
    this.keptName = keptName;
  }

  @Override
  public void init(ProcessorContext<String, EnrichedAccess> context) {
    this.context = context;
    this.state = context.getStateStore(stateName);
    WindowStore<String, EnrichedAccess> keptStore =
        keptName == null ? null : context.getStateStore(keptName);
    this.kept = keptStore == null ? null : new KeptAccesses(keptStore);
    if (graceMs > 0) {
      this.buffer = context.getStateStore(bufferName);
      this.pending = null;
      context.schedule(
          Duration.ofMillis(Math.max(100, graceMs / 4)),
          PunctuationType.WALL_CLOCK_TIME,
          this::releaseByWallClock);
    }
  }

  @Override
  public void process(Record<String, EnrichedAccess> record) {
    if (graceMs == 0) {
      release(record.key(), record.value());
      return;
    }
    long time = record.value().getEvent().getOccurredAt().toEpochMilli();
    long offset = context.recordMetadata().map(m -> m.offset()).orElse(0L);
    Bytes key = bufferKey(time, context.currentSystemTimeMs(), offset, record.key());
    buffer.put(key, record.value());
    pending().put(key, record.value());
    releaseUpTo(context.currentStreamTimeMs() - graceMs);
  }

  /** Releases, in time order, every access whose time is at or before {@code due}. */
  private void releaseUpTo(long due) {
    Iterator<Map.Entry<Bytes, EnrichedAccess>> it = pending().entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Bytes, EnrichedAccess> entry = it.next();
      if (timeOf(entry.getKey()) > due) {
        return;
      }
      it.remove();
      releaseBuffered(entry);
    }
  }

  /** Releases every access that has waited the grace period on the wall clock. */
  private void releaseByWallClock(long now) {
    Iterator<Map.Entry<Bytes, EnrichedAccess>> it = pending().entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Bytes, EnrichedAccess> entry = it.next();
      if (arrivalOf(entry.getKey()) + graceMs <= now) {
        it.remove();
        releaseBuffered(entry);
      }
    }
  }

  private void releaseBuffered(Map.Entry<Bytes, EnrichedAccess> entry) {
    buffer.put(entry.getKey(), null);
    release(keyOf(entry.getKey()), entry.getValue());
  }

  private void release(String key, EnrichedAccess access) {
    long time = access.getEvent().getOccurredAt().toEpochMilli();
    VersionedRecord<V> inForce = state.get(kind.keyOf(access.getEvent()), time);
    EnrichedAccess joined = kind.with(access, inForce == null ? null : inForce.value());
    if (kept != null) {
      kept.keep(kind.keyOf(access.getEvent()), joined);
    }
    context.forward(new Record<>(key, joined, time));
  }

  private NavigableMap<Bytes, EnrichedAccess> pending() {
    if (pending == null) {
      pending = new TreeMap<>();
      try (KeyValueIterator<Bytes, EnrichedAccess> it = buffer.all()) {
        it.forEachRemaining(entry -> pending.put(entry.key, entry.value));
      }
    }
    return pending;
  }

  /** Big-endian, sign bit flipped, so byte order is time order. */
  static Bytes bufferKey(long time, long arrival, long offset, String key) {
    byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
    return Bytes.wrap(
        ByteBuffer.allocate(PREFIX + keyBytes.length)
            .putLong(time ^ Long.MIN_VALUE)
            .putLong(arrival)
            .putLong(offset)
            .put(keyBytes)
            .array());
  }

  static long timeOf(Bytes key) {
    return ByteBuffer.wrap(key.get()).getLong(0) ^ Long.MIN_VALUE;
  }

  private static long arrivalOf(Bytes key) {
    return ByteBuffer.wrap(key.get()).getLong(Long.BYTES);
  }

  private static String keyOf(Bytes key) {
    byte[] bytes = key.get();
    return new String(bytes, PREFIX, bytes.length - PREFIX, StandardCharsets.UTF_8);
  }
}
