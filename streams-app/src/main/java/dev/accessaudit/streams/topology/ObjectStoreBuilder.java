package dev.accessaudit.streams.topology;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Builds one of the replay's object stores ({@link ObjectKeyValueStore}, {@link
 * ObjectWindowStore}): never cached, never logged, whatever is asked, since a replay restores
 * nothing.
 */
final class ObjectStoreBuilder<T extends StateStore> implements StoreBuilder<T> {

  private final String name;
  private final Supplier<T> store;

  ObjectStoreBuilder(String name, Supplier<T> store) {
    this.name = name;
    this.store = store;
  }

  @Override
  public StoreBuilder<T> withCachingEnabled() {
    return this;
  }

  @Override
  public StoreBuilder<T> withCachingDisabled() {
    return this;
  }

  @Override
  public StoreBuilder<T> withLoggingEnabled(Map<String, String> config) {
    return this;
  }

  @Override
  public StoreBuilder<T> withLoggingDisabled() {
    return this;
  }

  @Override
  public T build() {
    return store.get();
  }

  @Override
  public Map<String, String> logConfig() {
    return Map.of();
  }

  @Override
  public boolean loggingEnabled() {
    return false;
  }

  @Override
  public String name() {
    return name;
  }
}
