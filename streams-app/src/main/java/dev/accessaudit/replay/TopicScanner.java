package dev.accessaudit.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads raw records of a topic, all partitions at once, without a consumer group: from an offset
 * found by time ({@code offsetsForTimes}) or from the beginning, up to the end offsets captured
 * before reading, so records published meanwhile are not read. Decoding is left to the caller, so a
 * record that does not decode is counted, not fatal.
 */
final class TopicScanner {

  private static final Duration POLL = Duration.ofMillis(500);

  private final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer;

  TopicScanner(org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer) {
    this.consumer = consumer;
  }

  /** Every partition of the topic, in partition order. */
  List<TopicPartition> partitions(String topic) {
    List<PartitionInfo> infos = consumer.partitionsFor(topic);
    if (infos == null || infos.isEmpty()) {
      throw new IllegalStateException(
          "topic " + topic + " does not exist: run ./audit start or ./audit topics first");
    }
    return infos.stream()
        .map(p -> new TopicPartition(topic, p.partition()))
        .sorted((a, b) -> Integer.compare(a.partition(), b.partition()))
        .toList();
  }

  /**
   * The first offset of each partition whose record time is at or after {@code from}; the given end
   * offset where there is none.
   */
  Map<TopicPartition, Long> offsetsAt(
      List<TopicPartition> partitions, Instant from, Map<TopicPartition, Long> end) {
    Map<TopicPartition, Long> query = new HashMap<>();
    partitions.forEach(p -> query.put(p, Math.max(0, from.toEpochMilli())));
    Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
    Map<TopicPartition, Long> start = new HashMap<>();
    for (TopicPartition p : partitions) {
      OffsetAndTimestamp offset = found.get(p);
      start.put(p, offset == null ? end.get(p) : Math.min(offset.offset(), end.get(p)));
    }
    return start;
  }

  Map<TopicPartition, Long> beginnings(List<TopicPartition> partitions) {
    return consumer.beginningOffsets(partitions);
  }

  Map<TopicPartition, Long> ends(List<TopicPartition> partitions) {
    return consumer.endOffsets(partitions);
  }

  /** How many records lie between the start and end offsets, over every partition. */
  static long total(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
    return start.entrySet().stream()
        .mapToLong(e -> Math.max(0, end.get(e.getKey()) - e.getValue()))
        .sum();
  }

  /**
   * Feeds the records of every partition from its start offset up to (not including) its end offset
   * to {@code sink}: all partitions fetched together, each partition's records in offset order
   * (partitions interleave). A partition that reached its end is paused.
   */
  void scan(
      Map<TopicPartition, Long> start,
      Map<TopicPartition, Long> end,
      Consumer<ConsumerRecord<byte[], byte[]>> sink) {
    Set<TopicPartition> open = new HashSet<>();
    start.forEach(
        (p, offset) -> {
          if (offset < end.get(p)) {
            open.add(p);
          }
        });
    consumer.assign(open);
    open.forEach(p -> consumer.seek(p, start.get(p)));
    while (!open.isEmpty()) {
      ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
      for (TopicPartition p : records.partitions()) {
        long last = end.get(p);
        for (ConsumerRecord<byte[], byte[]> r : records.records(p)) {
          if (r.offset() < last) {
            sink.accept(r);
          }
        }
      }
      List<TopicPartition> done =
          open.stream().filter(p -> consumer.position(p) >= end.get(p)).toList();
      if (!done.isEmpty()) {
        consumer.pause(done);
        done.forEach(open::remove);
      }
    }
    consumer.assign(List.of());
  }
}
