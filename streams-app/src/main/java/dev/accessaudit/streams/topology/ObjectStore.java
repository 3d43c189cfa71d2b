package dev.accessaudit.streams.topology;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;

/**
 * What the replay's object stores ({@link ObjectKeyValueStore}, {@link ObjectWindowStore}) share: a
 * name, registration without a changelog or restore, and keys compared by their serialized bytes,
 * as Kafka Streams' byte stores compare them.
 */
abstract class ObjectStore<K> implements StateStore {

  private final String name;
  private final Serializer<K> keys;
  private boolean open;

  ObjectStore(String name, Serializer<K> keys) {
    this.name = name;
    this.keys = keys;
  }

  /** The key as the store's byte stores would hold it. */
  final Bytes bytes(K key) {
    return Bytes.wrap(keys.serialize(name, key));
  }

  /** Drops everything held. */
  abstract void clear();

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final void init(StateStoreContext context, StateStore root) {
    context.register(root, (key, value) -> {});
    open = true;
  }

  @Override
  public final void close() {
    open = false;
    clear();
  }

  @Override
  public final boolean persistent() {
    return false;
  }

  @Override
  public final boolean isOpen() {
    return open;
  }
}
