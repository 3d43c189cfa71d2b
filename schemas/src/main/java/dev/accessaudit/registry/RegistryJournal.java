package dev.accessaudit.registry;

/**
 * Where a {@link SchemaRegistry} writes each change before it takes effect. {@link
 * #append(RegistryRecord)} returns only once the change is durable; it throws {@link
 * SchemaRegistryException} (50001) when it could not be stored, and the change is then not made.
 */
@FunctionalInterface
public interface RegistryJournal {

  /** Keeps nothing: for registries that live only in memory. */
  RegistryJournal NONE = record -> {};

  /** Stores the change durably, or throws. */
  void append(RegistryRecord record);
}
