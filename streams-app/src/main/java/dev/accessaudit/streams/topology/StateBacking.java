package dev.accessaudit.streams.topology;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Where the topology keeps the state of its access path (de-duplication, grace buffers, kept
 * accesses, bulk counts, standing alerts). The live pipeline keeps it in changelogged RocksDB
 * stores. A replay, which runs the same topology once over a bounded history and restores nothing,
 * keeps it in object stores in memory ({@link ObjectKeyValueStore}, {@link ObjectWindowStore}): the
 * same look-ups, order and expiry, without serializing every value it puts or logging it. Window
 * stores expire alike in both, so replay memory stays bounded. The versioned agreement and consent
 * stores are always RocksDB (Kafka Streams has no in-memory versioned store).
 */
public enum StateBacking {
  PERSISTENT,
  IN_MEMORY;

  /**
   * Window-store changelogs expire by time. Their records carry event times, which for a backlog, a
   * replayed history or the demo lie far in the past, so the broker would delete them at once and a
   * restore would forget which events were already judged. Stamping them with the append time makes
   * retention count from when the state was written. (The window start is part of the changelog
   * key, so restoring does not need the record time.)
   */
  private static final Map<String, String> WINDOW_CHANGELOG =
      Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");

  <K, V> StoreBuilder<KeyValueStore<K, V>> keyValueStore(
      String name, Serde<K> keys, Serde<V> values) {
    return this == PERSISTENT
        ? Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), keys, values)
        : new ObjectStoreBuilder<>(name, () -> new ObjectKeyValueStore<>(name, keys.serializer()));
  }

  <K, V> StoreBuilder<WindowStore<K, V>> windowStore(
      String name, Duration retention, Duration size, Serde<K> keys, Serde<V> values) {
    return this == PERSISTENT
        ? Stores.windowStoreBuilder(
                Stores.persistentWindowStore(name, retention, size, false), keys, values)
            .withLoggingEnabled(WINDOW_CHANGELOG)
        : new ObjectStoreBuilder<>(
            name,
            () ->
                new ObjectWindowStore<>(
                    name, retention.toMillis(), size.toMillis(), keys.serializer()));
  }

  /**
   * How many values a window store of a replay ({@link #IN_MEMORY}) has kept so far: the replay
   * tells an admitted access (the de-duplication store kept its id) from a duplicate by it.
   *
   * @throws IllegalArgumentException for any other store
   */
  public static long valuesKept(StateStore store) {
    if (store instanceof ObjectWindowStore<?, ?> windows) {
      return windows.puts();
    }
    throw new IllegalArgumentException(store.name() + " is not a replay's window store");
  }
}
