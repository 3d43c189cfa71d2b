package dev.accessaudit.registry.server;

import dev.accessaudit.registry.RegistryRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the changes in memory: for tests. Outlives the servers that use it, so a test can restart a
 * server on the same storage; {@link #close()} keeps the records.
 */
public final class InMemoryRegistryStorage implements RegistryStorage {

  private final List<RegistryRecord> records = new ArrayList<>();

  @Override
  public synchronized void append(RegistryRecord record) {
    records.add(record);
  }

  @Override
  public synchronized List<RegistryRecord> load() {
    return List.copyOf(records);
  }

  @Override
  public void close() {
    // Nothing to release; the records stay for the next server.
  }
}
