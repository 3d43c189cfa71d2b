package dev.accessaudit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class StopAtTimeTest {

  private static final byte[] UNDECODABLE = "garbage".getBytes(StandardCharsets.UTF_8);
  private static final long END = 100;

  /** Reads the time from the value bytes, as a decoded record's extracted time stands in. */
  private static final TimeOrderedFeed.Stamper STAMPER =
      (record, partitionTime) ->
          record.value() == UNDECODABLE
              ? new FeedRecord(record, null, false, Long.MIN_VALUE)
              : new FeedRecord(
                  record,
                  null,
                  true,
                  Long.parseLong(new String(record.value(), StandardCharsets.UTF_8)));

  @Test
  void shouldEndAtTheRecordWhereRecordTimesReachTheEnd() {
    var source = new StopAtTime(partition(90, 95, 100, 97), 2, END, STAMPER);

    assertThat(offsets(source)).containsExactly(0L, 1L);
  }

  @Test
  void shouldReadOnPastAnUndecodableRecordStampedAfterTheEnd() {
    var source = new StopAtTime(partition(90, -1, 95, 99, 100, 97), 1, END, STAMPER);

    assertThat(offsets(source)).containsExactly(0L, 1L, 2L, 3L);
  }

  @Test
  void shouldNotEndBeforeTheOffsetRecordTimesGive() {
    var source = new StopAtTime(partition(120, 90, 100), 2, END, STAMPER);

    assertThat(offsets(source)).containsExactly(0L, 1L);
  }

  private static List<Long> offsets(TimeOrderedFeed.Source source) {
    List<Long> offsets = new ArrayList<>();
    for (var r = source.peek(); r != null; r = source.peek()) {
      offsets.add(r.offset());
      source.advance();
    }
    return offsets;
  }

  /** A partition whose records have these times in offset order; -1 = does not decode. */
  private static TimeOrderedFeed.Source partition(long... times) {
    Deque<ConsumerRecord<byte[], byte[]>> records = new ArrayDeque<>();
    for (int offset = 0; offset < times.length; offset++) {
      byte[] value =
          times[offset] < 0
              ? UNDECODABLE
              : Long.toString(times[offset]).getBytes(StandardCharsets.UTF_8);
      records.add(new ConsumerRecord<>("visitor-data-access", 0, offset, null, value));
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
}
