package dev.accessaudit.streams.topology;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.EnrichedAccess;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.avro.VisitorConsent;
import dev.accessaudit.serde.AvroSerdes;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic the pipeline reads or writes, declared once with its serdes. Keys are UTF-8 strings;
 * values are Avro in the Confluent wire format, except the dead-letter topic, which holds the
 * original bytes.
 *
 * @param accessEvents input: access events keyed by staffId
 * @param agreements input: staff agreements keyed by staffId (tombstones allowed)
 * @param consents input: visitor consents keyed by visitorId
 * @param alerts output: compliance alerts keyed by staffId
 * @param deadLetter output: name of the dead-letter topic
 * @param enrichedSerde serde of the pipeline's internal repartition topics
 */
public record AuditTopics(
    Topic<String, AccessEvent> accessEvents,
    Topic<String, StaffAgreement> agreements,
    Topic<String, VisitorConsent> consents,
    Topic<String, ComplianceAlert> alerts,
    String deadLetter,
    Serde<EnrichedAccess> enrichedSerde) {

  /**
   * The topics with serdes configured from {@code serdeConfig} (at least {@code
   * schema.registry.url}).
   */
  public static AuditTopics create(TopicNames names, Map<String, ?> serdeConfig) {
    return new AuditTopics(
        topic(names.accessEvents(), AccessEvent.class, serdeConfig),
        topic(names.agreements(), StaffAgreement.class, serdeConfig),
        topic(names.consents(), VisitorConsent.class, serdeConfig),
        topic(names.alerts(), ComplianceAlert.class, serdeConfig),
        names.deadLetter(),
        AvroSerdes.valueSerde(EnrichedAccess.class, serdeConfig));
  }

  private static <V extends org.apache.avro.specific.SpecificRecord> Topic<String, V> topic(
      String name, Class<V> type, Map<String, ?> serdeConfig) {
    return new Topic<>(name, Serdes.String(), AvroSerdes.valueSerde(type, serdeConfig));
  }
}
