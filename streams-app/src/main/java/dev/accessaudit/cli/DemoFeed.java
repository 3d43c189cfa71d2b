package dev.accessaudit.cli;

import dev.accessaudit.avro.ComplianceAlert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * What the demo shows, read with one committed-only consumer: every alert (to a sink), the number
 * of dead letters, and the number of access events published (the end offsets of their topic).
 */
final class DemoFeed implements Runnable {
  private static final Duration POLL = Duration.ofMillis(250);

  private final org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;
  private final Deserializer<ComplianceAlert> alerts;
  private final String alertsTopic;
  private final String deadLetterTopic;
  private final String accessTopic;
  private final Consumer<ComplianceAlert> sink;
  private final AtomicLong deadLetters = new AtomicLong();
  private final AtomicLong published = new AtomicLong();
  private final AtomicBoolean stopped = new AtomicBoolean();

  DemoFeed(
      org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer,
      Deserializer<ComplianceAlert> alerts,
      List<String> alertsDeadLetterAccess,
      Consumer<ComplianceAlert> sink) {
    this.consumer = consumer;
    this.alerts = alerts;
    this.alertsTopic = alertsDeadLetterAccess.get(0);
    this.deadLetterTopic = alertsDeadLetterAccess.get(1);
    this.accessTopic = alertsDeadLetterAccess.get(2);
    this.sink = sink;
  }

  @Override
  public void run() {
    List<TopicPartition> read = new ArrayList<>(partitions(alertsTopic));
    read.addAll(partitions(deadLetterTopic));
    List<TopicPartition> access = partitions(accessTopic);
    consumer.assign(read);
    consumer.seekToBeginning(read);
    try {
      while (!stopped.get()) {
        consumer.poll(POLL).forEach(this::handle);
        published.set(
            consumer.endOffsets(access).values().stream().mapToLong(Long::longValue).sum());
      }
    } catch (WakeupException e) {
      // stop() was called
    } finally {
      consumer.close();
    }
  }

  private void handle(ConsumerRecord<String, byte[]> record) {
    if (record.topic().equals(deadLetterTopic)) {
      deadLetters.incrementAndGet();
    } else if (record.value() != null) {
      try {
        sink.accept(alerts.deserialize(record.topic(), record.headers(), record.value()));
      } catch (SerializationException e) {
        // not an alert this build can read: the pipeline's own output never gets here
      }
    }
  }

  private List<TopicPartition> partitions(String topic) {
    return consumer.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition()))
        .toList();
  }

  long published() {
    return published.get();
  }

  long deadLetters() {
    return deadLetters.get();
  }

  void stop() {
    stopped.set(true);
    consumer.wakeup();
  }
}
