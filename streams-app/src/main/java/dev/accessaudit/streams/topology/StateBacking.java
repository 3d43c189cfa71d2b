package dev.accessaudit.streams.topology;

import java.time.Duration;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowBytesStoreSupplier;

/**
 * Where the topology keeps the state of its access path (de-duplication, grace buffers, kept
 * accesses, bulk counts, standing alerts). The live pipeline keeps it in changelogged RocksDB
 * stores; a replay, which runs the same topology once over a bounded history and restores nothing,
 * keeps it in memory, so that the test driver's commit after every record does not flush RocksDB
 * each time (the changelogs stay, as records the replay reads and discards). Window stores expire
 * alike in both, so replay memory stays bounded. The versioned agreement and consent stores are
 * always RocksDB (Kafka Streams has no in-memory versioned store).
 */
public enum StateBacking {
  PERSISTENT,
  IN_MEMORY;

  KeyValueBytesStoreSupplier keyValue(String name) {
    return this == PERSISTENT
        ? Stores.persistentKeyValueStore(name)
        : Stores.inMemoryKeyValueStore(name);
  }

  WindowBytesStoreSupplier window(String name, Duration retention, Duration size) {
    return this == PERSISTENT
        ? Stores.persistentWindowStore(name, retention, size, false)
        : Stores.inMemoryWindowStore(name, retention, size, false);
  }
}
