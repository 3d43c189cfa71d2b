package dev.accessaudit.streams.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.kstream.internals.TimeWindow;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * A window store of objects in memory, for the replay ({@link StateBacking#IN_MEMORY}): the same
 * rules as Kafka Streams' in-memory window store without duplicates (retention counted from the
 * latest window start put, a put at or before that time less the retention skipped, expired windows
 * neither found nor kept, windows in time order and keys in serialized byte order within one), but
 * values are kept as they are put, not serialized, and a key's look-up in a window is one hash
 * look-up (a range of keys is sorted when asked for, which only corrections do). Nothing is logged
 * or restored. Iterators read a copy taken when they are made.
 */
final class ObjectWindowStore<K, V> extends ObjectStore<K> implements WindowStore<K, V> {

  private final long retentionMs;
  private final long windowSizeMs;
  private final NavigableMap<Long, Map<Bytes, KeyValue<K, V>>> windows = new TreeMap<>();
  private long observedStreamTime = -1;
  private long puts;

  ObjectWindowStore(String name, long retentionMs, long windowSizeMs, Serializer<K> keys) {
    super(name, keys);
    this.retentionMs = retentionMs;
    this.windowSizeMs = windowSizeMs;
  }

  /** How many values were put and kept so far (deletes and expired puts do not count). */
  long puts() {
    return puts;
  }

  @Override
  public void put(K key, V value, long windowStart) {
    removeExpired();
    observedStreamTime = Math.max(observedStreamTime, windowStart);
    if (windowStart <= observedStreamTime - retentionMs) {
      return;
    }
    Bytes bytes = bytes(key);
    if (value != null) {
      windows
          .computeIfAbsent(windowStart, t -> new HashMap<>())
          .put(bytes, KeyValue.pair(key, value));
      puts++;
      return;
    }
    Map<Bytes, KeyValue<K, V>> window = windows.get(windowStart);
    if (window != null) {
      window.remove(bytes);
      if (window.isEmpty()) {
        windows.remove(windowStart);
      }
    }
  }

  @Override
  public V fetch(K key, long time) {
    removeExpired();
    if (time <= observedStreamTime - retentionMs) {
      return null;
    }
    Map<Bytes, KeyValue<K, V>> window = windows.get(time);
    KeyValue<K, V> entry = window == null ? null : window.get(bytes(key));
    return entry == null ? null : entry.value;
  }

  @Override
  public WindowStoreIterator<V> fetch(K key, long timeFrom, long timeTo) {
    return windowIterator(keyFetch(key, timeFrom, timeTo));
  }

  @Override
  public WindowStoreIterator<V> backwardFetch(K key, long timeFrom, long timeTo) {
    return windowIterator(reversed(keyFetch(key, timeFrom, timeTo)));
  }

  @Override
  public WindowStoreIterator<V> fetch(K key, Instant timeFrom, Instant timeTo) {
    return fetch(key, timeFrom.toEpochMilli(), timeTo.toEpochMilli());
  }

  @Override
  public WindowStoreIterator<V> backwardFetch(K key, Instant timeFrom, Instant timeTo) {
    return backwardFetch(key, timeFrom.toEpochMilli(), timeTo.toEpochMilli());
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
    return iterator(rangeFetch(keyFrom, keyTo, timeFrom, timeTo));
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardFetch(
      K keyFrom, K keyTo, long timeFrom, long timeTo) {
    return iterator(reversed(rangeFetch(keyFrom, keyTo, timeFrom, timeTo)));
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> fetch(
      K keyFrom, K keyTo, Instant timeFrom, Instant timeTo) {
    return fetch(keyFrom, keyTo, timeFrom.toEpochMilli(), timeTo.toEpochMilli());
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardFetch(
      K keyFrom, K keyTo, Instant timeFrom, Instant timeTo) {
    return backwardFetch(keyFrom, keyTo, timeFrom.toEpochMilli(), timeTo.toEpochMilli());
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> fetchAll(long timeFrom, long timeTo) {
    return iterator(rangeFetch(null, null, timeFrom, timeTo));
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardFetchAll(long timeFrom, long timeTo) {
    return iterator(reversed(rangeFetch(null, null, timeFrom, timeTo)));
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> fetchAll(Instant timeFrom, Instant timeTo) {
    return fetchAll(timeFrom.toEpochMilli(), timeTo.toEpochMilli());
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardFetchAll(Instant timeFrom, Instant timeTo) {
    return backwardFetchAll(timeFrom.toEpochMilli(), timeTo.toEpochMilli());
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> all() {
    return fetchAll(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  @Override
  public KeyValueIterator<Windowed<K>, V> backwardAll() {
    return backwardFetchAll(Long.MIN_VALUE, Long.MAX_VALUE);
  }

  private List<KeyValue<Long, V>> keyFetch(K key, long timeFrom, long timeTo) {
    removeExpired();
    long minTime = Math.max(timeFrom, observedStreamTime - retentionMs + 1);
    List<KeyValue<Long, V>> found = new ArrayList<>();
    if (timeTo < minTime) {
      return found;
    }
    Bytes bytes = bytes(key);
    for (Map.Entry<Long, Map<Bytes, KeyValue<K, V>>> window :
        windows.subMap(minTime, true, timeTo, true).entrySet()) {
      KeyValue<K, V> entry = window.getValue().get(bytes);
      if (entry != null) {
        found.add(KeyValue.pair(window.getKey(), entry.value));
      }
    }
    return found;
  }

  private List<KeyValue<Windowed<K>, V>> rangeFetch(
      K keyFrom, K keyTo, long timeFrom, long timeTo) {
    removeExpired();
    long minTime = Math.max(timeFrom, observedStreamTime - retentionMs + 1);
    List<KeyValue<Windowed<K>, V>> found = new ArrayList<>();
    Bytes low = keyFrom == null ? null : bytes(keyFrom);
    Bytes high = keyTo == null ? null : bytes(keyTo);
    if (timeTo < minTime || (low != null && high != null && low.compareTo(high) > 0)) {
      return found;
    }
    for (Map.Entry<Long, Map<Bytes, KeyValue<K, V>>> window :
        windows.subMap(minTime, true, timeTo, true).entrySet()) {
      List<Map.Entry<Bytes, KeyValue<K, V>>> range = new ArrayList<>();
      for (Map.Entry<Bytes, KeyValue<K, V>> entry : window.getValue().entrySet()) {
        Bytes key = entry.getKey();
        if ((low == null || key.compareTo(low) >= 0)
            && (high == null || key.compareTo(high) <= 0)) {
          range.add(entry);
        }
      }
      range.sort(Map.Entry.comparingByKey());
      long start = window.getKey();
      TimeWindow span = new TimeWindow(start, start + windowSizeMs);
      for (Map.Entry<Bytes, KeyValue<K, V>> entry : range) {
        KeyValue<K, V> record = entry.getValue();
        found.add(KeyValue.pair(new Windowed<>(record.key, span), record.value));
      }
    }
    return found;
  }

  /** Drops the windows that are out of retention, as the in-memory window store does. */
  private void removeExpired() {
    long minLive = Math.max(0L, observedStreamTime - retentionMs + 1);
    while (!windows.isEmpty() && windows.firstKey() < minLive) {
      windows.pollFirstEntry();
    }
  }

  @Override
  void clear() {
    windows.clear();
  }

  /** An iterator over records already collected. */
  static <A, B> KeyValueIterator<A, B> iterator(List<KeyValue<A, B>> records) {
    return new ListIterator<>(records);
  }

  private static <V> WindowStoreIterator<V> windowIterator(List<KeyValue<Long, V>> records) {
    return new WindowListIterator<>(records);
  }

  private static <T> List<T> reversed(List<T> list) {
    Collections.reverse(list);
    return list;
  }

  private static final class WindowListIterator<V> extends ListIterator<Long, V>
      implements WindowStoreIterator<V> {
    WindowListIterator(List<KeyValue<Long, V>> records) {
      super(records);
    }
  }

  private static class ListIterator<A, B> implements KeyValueIterator<A, B> {
    private final Iterator<KeyValue<A, B>> records;
    private KeyValue<A, B> next;

    ListIterator(List<KeyValue<A, B>> records) {
      this.records = records.iterator();
      this.next = this.records.hasNext() ? this.records.next() : null;
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public KeyValue<A, B> next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      KeyValue<A, B> current = next;
      next = records.hasNext() ? records.next() : null;
      return current;
    }

    @Override
    public A peekNextKey() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      return next.key;
    }

    @Override
    public void close() {}
  }
}
