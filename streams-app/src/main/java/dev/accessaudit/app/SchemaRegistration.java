package dev.accessaudit.app;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.avro.VisitorConsent;
import dev.accessaudit.registry.SchemaRegistryClient;
import dev.accessaudit.registry.SchemaRegistryException;
import dev.accessaudit.streams.topology.TopicNames;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Registers the pipeline's four value schemas under {@code <topic>-value} (topic-name strategy) at
 * start-up, so that producers with {@code auto.register.schemas=false} find them, and so that an
 * incompatible change stops the start with a clear sentence instead of failing on first use.
 */
public final class SchemaRegistration {
  private SchemaRegistration() {}

  /** Subject name to schema, for the configured topic names. */
  public static Map<String, Schema> subjects(TopicNames names) {
    Map<String, Schema> subjects = new LinkedHashMap<>();
    subjects.put(names.accessEvents() + "-value", AccessEvent.getClassSchema());
    subjects.put(names.agreements() + "-value", StaffAgreement.getClassSchema());
    subjects.put(names.consents() + "-value", VisitorConsent.getClassSchema());
    subjects.put(names.alerts() + "-value", ComplianceAlert.getClassSchema());
    return subjects;
  }

  /**
   * Registers every schema, idempotently; returns subject to schema id.
   *
   * @throws IllegalStateException naming the subject when the registry refuses a schema
   */
  public static Map<String, Integer> registerAll(SchemaRegistryClient client, TopicNames names) {
    Map<String, Integer> ids = new LinkedHashMap<>();
    subjects(names)
        .forEach(
            (subject, schema) -> {
              try {
                ids.put(subject, client.register(subject, schema));
              } catch (SchemaRegistryException e) {
                throw new IllegalStateException(
                    "the schema registry refused the schema of " + subject + ": " + e.getMessage(),
                    e);
              }
            });
    return ids;
  }
}
