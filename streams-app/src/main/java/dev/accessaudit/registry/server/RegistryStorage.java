package dev.accessaudit.registry.server;

import dev.accessaudit.registry.RegistryJournal;
import dev.accessaudit.registry.RegistryRecord;
import java.util.List;

/**
 * Where a {@link SchemaRegistryServer} keeps its schemas: every change is appended (and durable
 * when {@link #append} returns) and all of them are read back, in order, at start-up.
 */
public interface RegistryStorage extends RegistryJournal, AutoCloseable {

  /** Every change stored so far, oldest first. */
  List<RegistryRecord> load();

  /** Releases the storage's resources. */
  @Override
  void close();
}
