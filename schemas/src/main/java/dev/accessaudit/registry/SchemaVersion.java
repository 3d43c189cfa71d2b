package dev.accessaudit.registry;

import java.util.Objects;
import org.apache.avro.Schema;

/**
 * One registered version of a subject: the subject, its version number (from 1), the schema's
 * global id and the schema itself.
 */
public record SchemaVersion(String subject, int version, int id, Schema schema) {

  /** Checks the parts. */
  public SchemaVersion {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
  }
}
