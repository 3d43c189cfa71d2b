package dev.accessaudit.replay;

import static dev.accessaudit.streams.AuditFixtures.anAccessEvent;
import static dev.accessaudit.streams.AuditFixtures.anAgreement;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.serde.AvroSerdes;
import dev.accessaudit.streams.topology.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

/**
 * Publishes test histories the way producers do (record time = event time), plus what producers
 * must not do: undecodable bytes, wrongly keyed and invalid events. No validation on this path.
 */
final class Scenario implements AutoCloseable {

  static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  private final TopicNames names;
  private final KafkaProducer<String, AccessEvent> accesses;
  private final KafkaProducer<String, StaffAgreement> agreements;
  private final KafkaProducer<byte[], byte[]> raw;

  Scenario(String bootstrap, Map<String, ?> serdeConfig, TopicNames names) {
    this.names = names;
    Map<String, Object> settings = new HashMap<>(serdeConfig);
    settings.put("bootstrap.servers", bootstrap);
    settings.put("linger.ms", 5);
    settings.put("batch.size", 256 * 1024);
    var strings = new StringSerializer();
    accesses =
        new KafkaProducer<>(
            settings, strings, AvroSerdes.valueSerde(AccessEvent.class, serdeConfig).serializer());
    agreements =
        new KafkaProducer<>(
            settings,
            new StringSerializer(),
            AvroSerdes.valueSerde(StaffAgreement.class, serdeConfig).serializer());
    raw = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
  }

  static Instant at(Duration offset) {
    return T0.plus(offset);
  }

  static AccessEvent access(String eventId, String staff, Instant at, String visitor) {
    return anAccessEvent()
        .setEventId(eventId)
        .setStaffId(staff)
        .setOccurredAt(at)
        .setVisitorId(visitor)
        .build();
  }

  /** The partition the default partitioner gives the key. */
  static int partitionOf(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /** An agreement published as it takes effect. */
  void agreement(String staff, AgreementStatus status, Instant from) {
    agreement(staff, status, from, from);
  }

  /** An agreement taking effect {@code from}, published (its record timestamp) at another time. */
  void agreement(String staff, AgreementStatus status, Instant from, Instant publishedAt) {
    StaffAgreement a = anAgreement(status, from).setStaffId(staff).build();
    agreements.send(
        new ProducerRecord<>(names.agreements(), null, publishedAt.toEpochMilli(), staff, a));
  }

  void tombstone(String staff, Instant from) {
    agreements.send(
        new ProducerRecord<String, StaffAgreement>(
            names.agreements(), null, from.toEpochMilli(), staff, null));
  }

  void publish(AccessEvent e) {
    publish(e.getStaffId(), e);
  }

  void publish(String key, AccessEvent e) {
    long time = e.getOccurredAt().toEpochMilli();
    accesses.send(new ProducerRecord<>(names.accessEvents(), null, time, key, e));
  }

  void garbage(String key, Instant at) {
    byte[] value = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
    raw.send(
        new ProducerRecord<>(
            names.accessEvents(),
            null,
            at.toEpochMilli(),
            key.getBytes(StandardCharsets.UTF_8),
            value));
  }

  /** Waits until everything sent so far is acknowledged. */
  void flush() throws ExecutionException, InterruptedException {
    accesses.flush();
    agreements.flush();
    raw.flush();
  }

  @Override
  public void close() {
    accesses.close();
    agreements.close();
    raw.close();
  }
}
