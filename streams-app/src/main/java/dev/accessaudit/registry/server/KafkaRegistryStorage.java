package dev.accessaudit.registry.server;

import dev.accessaudit.registry.RegistryRecord;
import dev.accessaudit.registry.SchemaRegistryException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the registry in a compacted, single-partition Kafka topic ({@code _schemas} by default) in
 * Confluent's record format, so ids and versions survive restarts. {@link #open} creates the topic
 * when missing; {@link #append} returns once the broker acknowledged the write ({@code acks=all});
 * {@link #load()} reads the topic from the beginning to its end. One registry writes to a topic.
 */
public final class KafkaRegistryStorage implements RegistryStorage {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaRegistryStorage.class);

  private final Map<String, Object> clientProperties;
  private final String topic;
  private final Duration timeout;
  private final KafkaProducer<byte[], byte[]> producer;

  private KafkaRegistryStorage(
      Map<String, Object> clientProperties, String topic, Duration timeout) {
    this.clientProperties = Map.copyOf(clientProperties);
    this.topic = topic;
    this.timeout = timeout;
    this.producer = new KafkaProducer<>(producerProperties());
  }

  /**
   * Storage on the topic, created (compacted, one partition) when missing.
   *
   * @param clientProperties Kafka client settings: {@code bootstrap.servers}, security, ...
   * @param timeout how long one read of the topic, one write or the topic creation may take
   * @throws IllegalStateException with a sentence when the topic cannot be created or is not
   *     compacted
   */
  public static KafkaRegistryStorage open(
      Map<String, Object> clientProperties,
      String topic,
      short replicationFactor,
      Duration timeout) {
    SchemasTopic.ensure(clientProperties, topic, replicationFactor, timeout);
    return new KafkaRegistryStorage(clientProperties, topic, timeout);
  }

  @Override
  public void append(RegistryRecord record) {
    ProducerRecord<byte[], byte[]> out =
        new ProducerRecord<>(
            topic, 0, ConfluentRecordFormat.key(record), ConfluentRecordFormat.value(record));
    try {
      producer.send(out).get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw storeError("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw storeError(String.valueOf(e.getCause() == null ? e : e.getCause()), e);
    }
  }

  @Override
  public List<RegistryRecord> load() {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
      List<RegistryRecord> records = new ArrayList<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (consumer.position(partition, timeout) < end) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Could not read topic " + topic + " to its end within " + timeout + ".");
        }
        consumer.poll(Duration.ofMillis(200)).forEach(r -> read(r).ifPresent(records::add));
      }
      LOG.info("Read {} schema registry records from topic {}", records.size(), topic);
      return records;
    }
  }

  private java.util.Optional<RegistryRecord> read(ConsumerRecord<byte[], byte[]> record) {
    try {
      return ConfluentRecordFormat.read(record.key(), record.value());
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "Skipping unreadable record at offset {} of {}: {}",
          record.offset(),
          topic,
          e.toString());
      return java.util.Optional.empty();
    }
  }

  private SchemaRegistryException storeError(String cause, Exception e) {
    return new SchemaRegistryException(
        SchemaRegistryException.STORE_ERROR,
        "Could not store the change in topic " + topic + ": " + cause,
        e);
  }

  private Map<String, Object> producerProperties() {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "schema-registry-" + topic + "-writer");
    props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    return props;
  }

  private Map<String, Object> consumerProperties() {
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "schema-registry-" + topic + "-reader");
    return props;
  }

  @Override
  public void close() {
    producer.close(timeout);
  }
}
