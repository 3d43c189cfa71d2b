package dev.accessaudit.registry;

/**
 * A change to a {@link SchemaRegistry}, as written to durable storage and replayed at start-up. The
 * shapes mirror the records of Confluent's {@code _schemas} topic.
 */
public sealed interface RegistryRecord
    permits RegistryRecord.SchemaRecord, RegistryRecord.ConfigRecord {

  /**
   * A version of a subject: Confluent's SCHEMA record. Soft deletion rewrites it with {@code
   * deleted = true}.
   */
  record SchemaRecord(String subject, int version, int id, String schema, boolean deleted)
      implements RegistryRecord {}

  /**
   * A compatibility setting: Confluent's CONFIG record. {@code subject} null means the global
   * default; {@code level} null means the subject's own setting was removed.
   */
  record ConfigRecord(String subject, CompatibilityLevel level) implements RegistryRecord {}
}
