package dev.accessaudit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class TimeOrderedFeedTest {

  private static final String ACCESSES = "visitor-data-access";
  private static final String AGREEMENTS = "staff-agreements";
  private static final byte[] UNDECODABLE = "garbage".getBytes(StandardCharsets.UTF_8);

  /** Reads the time from the value bytes, as a decoded record's extracted time stands in. */
  private static final TimeOrderedFeed.Stamper STAMPER =
      (record, partitionTime) ->
          record.value() == UNDECODABLE
              ? new FeedRecord(record, null, false, Long.MIN_VALUE)
              : new FeedRecord(record, null, true, Long.parseLong(text(record.value())));

  @Test
  void shouldNotHoldBackOtherPartitionsBehindAFutureRecord() {
    var feed =
        new TimeOrderedFeed(STAMPER)
            .add(source(ACCESSES, 0, 1_000_000, 5, 6), 2, 0)
            .add(source(ACCESSES, 1, 1, 2, 3), 2, 1);

    assertThat(order(feed)).containsExactly("a1@0", "a1@1", "a1@2", "a0@0", "a0@1", "a0@2");
  }

  @Test
  void shouldKeepOffsetOrderWithinAPartitionWhateverTheTimes() {
    var feed =
        new TimeOrderedFeed(STAMPER)
            .add(source(ACCESSES, 0, 30, 10, 20), 2, 0)
            .add(source(ACCESSES, 1, 35), 2, 1);

    assertThat(order(feed)).containsExactly("a0@0", "a0@1", "a0@2", "a1@0");
  }

  @Test
  void shouldPutStateBeforeAccessesOfTheSameMillisecondThenLowerPartitions() {
    var feed =
        new TimeOrderedFeed(STAMPER)
            .add(source(ACCESSES, 1, 10), 2, 1)
            .add(source(ACCESSES, 0, 10), 2, 0)
            .add(source(AGREEMENTS, 2, 10), 0, 2);

    assertThat(order(feed)).containsExactly("s2@0", "a0@0", "a1@0");
  }

  @Test
  void shouldPassOnARecordThatDoesNotDecodeAsSoonAsItIsAtTheHead() {
    var feed =
        new TimeOrderedFeed(STAMPER)
            .add(source(ACCESSES, 0, 1, 2), 2, 0)
            .add(source(ACCESSES, 1, 50, -1, 60), 2, 1);

    assertThat(order(feed)).containsExactly("a0@0", "a0@1", "a1@0", "a1@1", "a1@2");
  }

  @Test
  void shouldPassTheExtractorThePartitionTimeSoFar() {
    List<Long> partitionTimes = new ArrayList<>();
    var feed =
        new TimeOrderedFeed(
                (record, partitionTime) -> {
                  partitionTimes.add(partitionTime);
                  return STAMPER.stamp(record, partitionTime);
                })
            .add(source(ACCESSES, 0, 7, 3, 9), 2, 0);

    order(feed);

    assertThat(partitionTimes).containsExactly(-1L, 7L, 7L);
  }

  private static List<String> order(TimeOrderedFeed feed) {
    List<String> order = new ArrayList<>();
    feed.forEach(
        r ->
            order.add(
                (r.raw().topic().equals(ACCESSES) ? "a" : "s")
                    + r.raw().partition()
                    + "@"
                    + r.raw().offset()));
    return order;
  }

  /** A partition whose records have these times in offset order; -1 = does not decode. */
  private static TimeOrderedFeed.Source source(String topic, int partition, long... times) {
    Deque<ConsumerRecord<byte[], byte[]>> records = new ArrayDeque<>();
    for (int offset = 0; offset < times.length; offset++) {
      byte[] value =
          times[offset] < 0
              ? UNDECODABLE
              : Long.toString(times[offset]).getBytes(StandardCharsets.UTF_8);
      records.add(new ConsumerRecord<>(topic, partition, offset, null, value));
    }
    return new TimeOrderedFeed.Source() {
      @Override
      public ConsumerRecord<byte[], byte[]> peek() {
        return records.peek();
      }

      @Override
      public void advance() {
        records.poll();
      }
    };
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
