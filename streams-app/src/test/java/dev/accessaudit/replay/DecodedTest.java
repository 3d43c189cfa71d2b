package dev.accessaudit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DecodedTest {

  private final byte[] bytes = {0, 0, 0, 0, 1, 42};
  private final FeedRecord record =
      new FeedRecord(new ConsumerRecord<>("t", 0, 0, null, bytes), "decoded", true, 1L);

  @Test
  void shouldGiveTheFeedsValueForTheSameBytesWhilePiping() {
    AtomicReference<String> seen = new AtomicReference<>();
    Decoded.whilePiping(record, () -> seen.set(Decoded.of(bytes, String.class)));

    assertThat(seen).hasValue("decoded");
  }

  @Test
  void shouldGiveNothingForEqualBytesOfAnotherArrayOrAnotherType() {
    AtomicReference<Object> copy = new AtomicReference<>("unset");
    AtomicReference<Object> otherType = new AtomicReference<>("unset");
    Decoded.whilePiping(
        record,
        () -> {
          copy.set(Decoded.of(bytes.clone(), String.class));
          otherType.set(Decoded.of(bytes, Integer.class));
        });

    assertThat(copy).hasValue(null);
    assertThat(otherType).hasValue(null);
  }

  @Test
  void shouldGiveNothingOncePipingEnded() {
    Decoded.whilePiping(record, () -> {});

    assertThat(Decoded.of(bytes, String.class)).isNull();
  }
}
