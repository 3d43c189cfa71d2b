package dev.accessaudit.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/** A client of a {@link SchemaRegistry} in this JVM: what {@code mock://} URLs give. */
final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

  private final SchemaRegistry registry;

  InMemorySchemaRegistryClient(SchemaRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public int register(String subject, Schema schema) {
    return registry.register(subject, schema).id();
  }

  @Override
  public Schema getSchemaById(int id) {
    return registry.schemaById(id);
  }

  @Override
  public int getId(String subject, Schema schema) {
    return registry.lookup(subject, schema).id();
  }

  @Override
  public SchemaVersion getLatestVersion(String subject) {
    return registry.latest(subject);
  }

  @Override
  public boolean testCompatibility(String subject, Schema schema) {
    return registry.compatibilityProblems(subject, schema, null).isEmpty();
  }

  @Override
  public void close() {
    // The registry belongs to its scope, not to this client.
  }
}
