package dev.accessaudit.cli;

import dev.accessaudit.avro.ComplianceAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads alerts from every partition of the alerts topic, without a consumer group: from a time
 * (found with {@code offsetsForTimes}) or from the beginning, up to the end offsets captured at
 * start, or on and on when following. A record that does not decode is reported and skipped.
 */
final class AlertReader {
  private static final Duration POLL = Duration.ofMillis(200);

  private final org.apache.kafka.clients.consumer.Consumer<String, ComplianceAlert> consumer;
  private final String topic;
  private final Consumer<String> warnings;
  private final AtomicBoolean stopped = new AtomicBoolean();

  AlertReader(
      org.apache.kafka.clients.consumer.Consumer<String, ComplianceAlert> consumer,
      String topic,
      Consumer<String> warnings) {
    this.consumer = consumer;
    this.topic = topic;
    this.warnings = warnings;
  }

  /** Feeds alerts to {@code sink} until the captured end, or until {@link #stop} when following. */
  void read(Optional<Instant> from, boolean follow, Consumer<ComplianceAlert> sink) {
    List<TopicPartition> partitions = partitions();
    consumer.assign(partitions);
    from.ifPresentOrElse(t -> seekTo(partitions, t), () -> consumer.seekToBeginning(partitions));
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
    try {
      while (!stopped.get() && (follow || !reached(end))) {
        pollOnce(sink);
      }
    } catch (WakeupException e) {
      // stop() was called: leave quietly
    }
  }

  /** Makes {@link #read} return soon; safe from any thread. */
  void stop() {
    stopped.set(true);
    consumer.wakeup();
  }

  private void pollOnce(Consumer<ComplianceAlert> sink) {
    try {
      for (ConsumerRecord<String, ComplianceAlert> r : consumer.poll(POLL)) {
        if (r.value() != null) {
          sink.accept(r.value());
        }
      }
    } catch (RecordDeserializationException e) {
      warnings.accept(
          "skipped record " + e.topicPartition() + "@" + e.offset() + ": " + e.getMessage());
      consumer.seek(e.topicPartition(), e.offset() + 1);
    }
  }

  private List<TopicPartition> partitions() {
    List<PartitionInfo> infos = consumer.partitionsFor(topic);
    if (infos == null || infos.isEmpty()) {
      throw new IllegalStateException(
          "topic " + topic + " does not exist yet: run ./audit start or ./audit topics first");
    }
    return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
  }

  private void seekTo(List<TopicPartition> partitions, Instant from) {
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(p -> query.put(p, from.toEpochMilli()));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
    for (TopicPartition p : partitions) {
      OffsetAndTimestamp offset = found.get(p);
      if (offset == null) {
        consumer.seekToEnd(List.of(p));
      } else {
        consumer.seek(p, offset.offset());
      }
    }
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }
}
