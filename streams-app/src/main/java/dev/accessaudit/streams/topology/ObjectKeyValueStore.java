package dev.accessaudit.streams.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value store of objects in memory, for the replay ({@link StateBacking#IN_MEMORY}): it keeps
 * values as they are put, without serializing them, and orders keys by their serialized bytes, as
 * Kafka Streams' byte stores do, so iteration order is the live store's. Nothing is logged or
 * restored. Iterators read a copy taken when they are made.
 */
final class ObjectKeyValueStore<K, V> extends ObjectStore<K> implements KeyValueStore<K, V> {

  private final NavigableMap<Bytes, KeyValue<K, V>> entries = new TreeMap<>();

  ObjectKeyValueStore(String name, Serializer<K> keys) {
    super(name, keys);
  }

  @Override
  public void put(K key, V value) {
    if (value == null) {
      entries.remove(bytes(key));
    } else {
      entries.put(bytes(key), KeyValue.pair(key, value));
    }
  }

  @Override
  public V putIfAbsent(K key, V value) {
    V old = get(key);
    if (old == null) {
      put(key, value);
    }
    return old;
  }

  @Override
  public void putAll(List<KeyValue<K, V>> all) {
    all.forEach(kv -> put(kv.key, kv.value));
  }

  @Override
  public V delete(K key) {
    KeyValue<K, V> old = entries.remove(bytes(key));
    return old == null ? null : old.value;
  }

  @Override
  public V get(K key) {
    KeyValue<K, V> entry = entries.get(bytes(key));
    return entry == null ? null : entry.value;
  }

  @Override
  public KeyValueIterator<K, V> range(K from, K to) {
    Bytes low = from == null ? null : bytes(from);
    Bytes high = to == null ? null : bytes(to);
    if (low != null && high != null && low.compareTo(high) > 0) {
      return ObjectWindowStore.iterator(List.of());
    }
    NavigableMap<Bytes, KeyValue<K, V>> range = entries;
    if (low != null) {
      range = range.tailMap(low, true);
    }
    if (high != null) {
      range = range.headMap(high, true);
    }
    return ObjectWindowStore.iterator(new ArrayList<>(range.values()));
  }

  @Override
  public KeyValueIterator<K, V> all() {
    return ObjectWindowStore.iterator(new ArrayList<>(entries.values()));
  }

  @Override
  public long approximateNumEntries() {
    return entries.size();
  }

  @Override
  void clear() {
    entries.clear();
  }
}
