package dev.accessaudit.registry;

import org.apache.avro.Schema;

/**
 * What the serdes need from a schema registry that speaks Confluent's semantics: global schema ids,
 * versions per subject and per-subject compatibility.
 *
 * <p>Every failure the registry reports is a {@link SchemaRegistryException} carrying Confluent's
 * error code (40401 subject not found, 40403 schema not found, 409 incompatible, ...). Failing to
 * reach the registry at all is a {@link SchemaRegistryException} with code 50001 or more.
 * Implementations are thread-safe and cache what never changes (a schema by id, the id of a schema
 * under a subject), so a serde pays a round trip only for the first record.
 */
public interface SchemaRegistryClient extends AutoCloseable {

  /**
   * Registers the schema under the subject, or returns its id if it is already there.
   *
   * @return the schema's global id
   * @throws SchemaRegistryException 409 when the schema breaks the subject's compatibility level
   */
  int register(String subject, Schema schema);

  /**
   * The schema with that global id.
   *
   * @throws SchemaRegistryException 40403 when no schema has that id
   */
  Schema getSchemaById(int id);

  /**
   * The id of a schema already registered under the subject, without registering anything.
   *
   * @throws SchemaRegistryException 40401 when the subject is unknown, 40403 when the schema is not
   *     one of its versions
   */
  int getId(String subject, Schema schema);

  /**
   * The newest live version of the subject.
   *
   * @throws SchemaRegistryException 40401 when the subject is unknown
   */
  SchemaVersion getLatestVersion(String subject);

  /**
   * Whether registering the schema under the subject would be allowed by its compatibility level;
   * true for an unknown subject.
   */
  boolean testCompatibility(String subject, Schema schema);

  @Override
  void close();
}
