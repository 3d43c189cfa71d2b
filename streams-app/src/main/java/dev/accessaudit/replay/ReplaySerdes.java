package dev.accessaudit.replay;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.EnrichedAccess;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.avro.VisitorConsent;
import dev.accessaudit.registry.SchemaRegistryClients;
import dev.accessaudit.serde.AvroSerdes;
import dev.accessaudit.streams.topology.AuditTopics;
import dev.accessaudit.streams.topology.Topic;
import dev.accessaudit.streams.topology.TopicNames;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topology's serdes for a replay, which must not write to the schema registry either. Records
 * of the three input topics are decoded through the real registry (a look-up of the ids their
 * producers registered). Everything the topology writes itself, in the driver only (store
 * changelogs, the repartition topics, the alerts), is encoded and decoded through a private
 * in-memory registry scope, {@code mock://replay-<random>}, dropped on {@link #close()}: with the
 * real registry, auto-registration would add subjects for the replay's changelogs to it.
 */
final class ReplaySerdes implements AutoCloseable {

  private final String scope = "replay-" + UUID.randomUUID();
  private final Map<String, ?> real;
  private final Map<String, ?> mock = Map.of(AvroSerdes.SCHEMA_REGISTRY_URL, "mock://" + scope);
  private final AuditTopics topics;

  ReplaySerdes(TopicNames names, Map<String, ?> clientConfig) {
    this.real = clientConfig;
    this.topics =
        new AuditTopics(
            input(names.accessEvents(), AccessEvent.class),
            input(names.agreements(), StaffAgreement.class),
            input(names.consents(), VisitorConsent.class),
            new Topic<>(names.alerts(), Serdes.String(), driverOnly(ComplianceAlert.class)),
            names.deadLetter(),
            driverOnly(EnrichedAccess.class));
  }

  AuditTopics topics() {
    return topics;
  }

  @Override
  public void close() {
    SchemaRegistryClients.dropMockScope(scope);
  }

  private <V extends SpecificRecord> Topic<String, V> input(String topic, Class<V> type) {
    Deserializer<V> fromTopic = AvroSerdes.valueSerde(type, real).deserializer();
    Serde<V> inDriver = driverOnly(type);
    return new Topic<>(
        topic,
        Serdes.String(),
        Serdes.serdeFrom(inDriver.serializer(), new ByTopic<>(topic, type, fromTopic, inDriver)));
  }

  private <V extends SpecificRecord> Serde<V> driverOnly(Class<V> type) {
    return AvroSerdes.valueSerde(type, mock);
  }

  /**
   * Decodes the input topic's records with the real registry (or takes the value the feed already
   * decoded from the same bytes, {@link Decoded}), every other topic's (the stores the same serde
   * is used for) with the private scope that encoded them.
   */
  private record ByTopic<V>(
      String input, Class<V> type, Deserializer<V> fromTopic, Serde<V> inDriver)
      implements Deserializer<V> {

    @Override
    public V deserialize(String topic, byte[] data) {
      if (!input.equals(topic)) {
        return inDriver.deserializer().deserialize(topic, data);
      }
      V known = Decoded.of(data, type);
      return known != null ? known : fromTopic.deserialize(topic, data);
    }

    @Override
    public void close() {
      fromTopic.close();
    }
  }
}
