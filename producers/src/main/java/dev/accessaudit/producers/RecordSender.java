package dev.accessaudit.producers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Sends keyed, timestamped records to one topic and reports each outcome as a future. */
final class RecordSender<V> implements AutoCloseable {

  private final Producer<String, V> producer;
  private final String topic;

  RecordSender(Producer<String, V> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  /** How a person names a record, e.g. "AccessEvent e-1"; just the type when the id is blank. */
  static String describe(String type, String prefix, String id) {
    return id == null || id.isBlank() ? type : type + " " + prefix + id;
  }

  static void requireValid(String what, List<String> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidRecordException(what, problems);
    }
  }

  /**
   * Sends {@code value} (null for a tombstone) with {@code key} and record timestamp {@code at}
   * (null: the producer stamps the current time).
   */
  CompletableFuture<RecordMetadata> send(String key, Instant at, V value) {
    CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
    try {
      producer.send(
          new ProducerRecord<>(topic, null, at == null ? null : at.toEpochMilli(), key, value),
          (metadata, error) -> {
            if (error != null) {
              result.completeExceptionally(error);
            } else {
              result.complete(metadata);
            }
          });
    } catch (RuntimeException e) {
      // Serialization and registry failures surface here; callers see them on the future.
      result.completeExceptionally(e);
    }
    return result;
  }

  String topic() {
    return topic;
  }

  void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }

  void close(Duration timeout) {
    producer.close(timeout);
  }
}
