package dev.accessaudit.replay;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads many partitions with one consumer, each as a {@link TimeOrderedFeed.Source} over an offset
 * range fixed before reading (so records published meanwhile are not read). A source asked for its
 * next record polls until that partition has one or is read to the end; partitions holding {@value
 * #BUFFERED} records or more are paused meanwhile, so memory stays bounded whatever the spread of
 * times between partitions.
 */
final class PartitionReader {

  static final int BUFFERED = 20_000;
  private static final Duration POLL = Duration.ofMillis(500);

  private final Consumer<byte[], byte[]> consumer;
  private final Map<TopicPartition, Part> parts = new HashMap<>();

  /** An offset range [start, end) of one partition. */
  record Range(long start, long end) {
    long size() {
      return Math.max(0, end - start);
    }
  }

  PartitionReader(Consumer<byte[], byte[]> consumer, Map<TopicPartition, Range> ranges) {
    this.consumer = consumer;
    ranges.forEach((p, r) -> parts.put(p, new Part(r.end(), r.size() == 0)));
    List<TopicPartition> open = parts.keySet().stream().filter(p -> !parts.get(p).done).toList();
    consumer.assign(open);
    open.forEach(p -> consumer.seek(p, ranges.get(p).start()));
  }

  TimeOrderedFeed.Source source(TopicPartition partition) {
    Part part = parts.get(partition);
    return new TimeOrderedFeed.Source() {
      @Override
      public ConsumerRecord<byte[], byte[]> peek() {
        while (part.buffer.isEmpty() && !part.done) {
          poll(partition);
        }
        return part.buffer.peek();
      }

      @Override
      public void advance() {
        part.buffer.poll();
      }
    };
  }

  private void poll(TopicPartition wanted) {
    List<TopicPartition> hold = new ArrayList<>();
    List<TopicPartition> fetch = new ArrayList<>();
    for (TopicPartition p : consumer.assignment()) {
      Part part = parts.get(p);
      boolean full = part.buffer.size() >= BUFFERED && !p.equals(wanted);
      (part.done || full ? hold : fetch).add(p);
    }
    consumer.pause(hold);
    consumer.resume(fetch);
    ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
    for (TopicPartition p : records.partitions()) {
      Part part = parts.get(p);
      for (ConsumerRecord<byte[], byte[]> r : records.records(p)) {
        if (r.offset() < part.end) {
          part.buffer.add(r);
        }
      }
    }
    for (TopicPartition p : fetch) {
      Part part = parts.get(p);
      part.done = consumer.position(p) >= part.end;
    }
  }

  private static final class Part {
    final ArrayDeque<ConsumerRecord<byte[], byte[]>> buffer = new ArrayDeque<>();
    final long end;
    boolean done;

    Part(long end, boolean done) {
      this.end = end;
      this.done = done;
    }
  }
}
