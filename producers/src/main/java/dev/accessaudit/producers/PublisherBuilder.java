package dev.accessaudit.producers;

import dev.accessaudit.serde.SpecificAvroSerializer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The settings every publisher shares: where Kafka and the schema registry are, the topic, any
 * Kafka client property, or a ready-made producer (a {@code MockProducer} in tests).
 *
 * @param <V> the record type published
 * @param <B> the concrete builder, so that calls chain
 */
abstract class PublisherBuilder<V extends SpecificRecord, B extends PublisherBuilder<V, B>> {

  private final Map<String, Object> properties = new LinkedHashMap<>();
  private String topic;
  private Producer<String, V> producer;
  private Serializer<V> valueSerializer;

  PublisherBuilder(String defaultTopic) {
    this.topic = defaultTopic;
  }

  abstract B self();

  /** Kafka's {@code bootstrap.servers}, e.g. {@code localhost:9092}. */
  public B bootstrapServers(String servers) {
    return property(ProducerSettings.BOOTSTRAP_SERVERS, requireText(servers, "bootstrapServers"));
  }

  /** The schema registry, {@code http(s)://host:port} or {@code mock://scope} in tests. */
  public B schemaRegistryUrl(String url) {
    return property(ProducerSettings.SCHEMA_REGISTRY_URL, requireText(url, "schemaRegistryUrl"));
  }

  /** The topic to publish to, instead of the default. */
  public B topic(String name) {
    this.topic = requireText(name, "topic");
    return self();
  }

  /** Any Kafka producer or serializer property, e.g. {@code security.protocol}, {@code sasl.*}. */
  public B property(String key, Object value) {
    requireText(key, "property key");
    Objects.requireNonNull(value, () -> "the value of property " + key + " is null");
    properties.put(key, value);
    return self();
  }

  /** Every entry of {@code props}, as {@link #property(String, Object)} would add it. */
  public B properties(Map<String, ?> props) {
    Objects.requireNonNull(props, "properties is null").forEach(this::property);
    return self();
  }

  /** Publishes through this producer (e.g. a {@code MockProducer}); the publisher closes it. */
  public B producer(Producer<String, V> producer) {
    this.producer = Objects.requireNonNull(producer, "producer is null");
    return self();
  }

  /** Serializes values with this serializer instead of the Confluent wire format default. */
  public B valueSerializer(Serializer<V> serializer) {
    this.valueSerializer = Objects.requireNonNull(serializer, "valueSerializer is null");
    return self();
  }

  String topic() {
    return topic;
  }

  Producer<String, V> buildProducer(Class<V> type) {
    if (producer != null) {
      return producer;
    }
    Map<String, Object> config = ProducerSettings.producerConfig(properties);
    Serializer<V> serializer =
        valueSerializer != null ? valueSerializer : new SpecificAvroSerializer<>(type);
    serializer.configure(config, false);
    return new KafkaProducer<>(config, new StringSerializer(), serializer);
  }

  static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
