package dev.accessaudit.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.Test;

/**
 * The replay's object stores answer every look-up the pipeline makes exactly as Kafka Streams' own
 * in-memory stores do, under the same random sequence of puts, deletes and look-ups: expiry by the
 * latest window start, skipped expired puts, time order of windows and byte order of keys.
 */
class ObjectStoresTest {

  private static final long RETENTION = 1_000;
  private static final int OPERATIONS = 20_000;

  private final MockProcessorContext<Object, Object> context = new MockProcessorContext<>();

  @Test
  void shouldAnswerEveryWindowLookUpAsKafkaStreamsInMemoryWindowStore() {
    WindowStore<String, Long> kafka =
        Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore(
                    "kafka", Duration.ofMillis(RETENTION), Duration.ofMillis(10), false),
                Serdes.String(),
                Serdes.Long())
            .withLoggingDisabled()
            .build();
    ObjectWindowStore<String, Long> ours =
        new ObjectWindowStore<>("ours", RETENTION, 10, Serdes.String().serializer());
    kafka.init(context.getStateStoreContext(), kafka);
    ours.init(context.getStateStoreContext(), ours);
    SplittableRandom random = new SplittableRandom(7);
    long time = 0;
    for (int i = 0; i < OPERATIONS; i++) {
      time += random.nextInt(5);
      long at = time - random.nextInt((int) (RETENTION * 3 / 2)) + random.nextInt(20);
      String key = key(random);
      switch (random.nextInt(6)) {
        case 0, 1 -> {
          Long value = random.nextInt(10) == 0 ? null : random.nextLong();
          kafka.put(key, value, at);
          ours.put(key, value, at);
        }
        case 2 -> assertThat(ours.fetch(key, at)).isEqualTo(kafka.fetch(key, at));
        case 3 -> {
          long to = at + random.nextInt(300);
          assertThat(windows(ours.fetch(key, at, to))).isEqualTo(windows(kafka.fetch(key, at, to)));
          assertThat(windows(ours.backwardFetch(key, at, to)))
              .isEqualTo(windows(kafka.backwardFetch(key, at, to)));
        }
        case 4 -> {
          String other = key(random);
          long to = at + random.nextInt(300);
          assertThat(records(ours.fetch(key, other, at, to)))
              .isEqualTo(records(kafka.fetch(key, other, at, to)));
        }
        default ->
            assertThat(records(ours.fetchAll(at, Long.MAX_VALUE)))
                .isEqualTo(records(kafka.fetchAll(at, Long.MAX_VALUE)));
      }
    }
    assertThat(records(ours.all())).isEqualTo(records(kafka.all())).isNotEmpty();
  }

  @Test
  void shouldAnswerEveryKeyValueLookUpAsKafkaStreamsInMemoryStore() {
    KeyValueStore<String, Long> kafka =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("kafka"), Serdes.String(), Serdes.Long())
            .withLoggingDisabled()
            .build();
    ObjectKeyValueStore<String, Long> ours =
        new ObjectKeyValueStore<>("ours", Serdes.String().serializer());
    kafka.init(context.getStateStoreContext(), kafka);
    ours.init(context.getStateStoreContext(), ours);
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < OPERATIONS; i++) {
      String key = key(random);
      switch (random.nextInt(6)) {
        case 0, 1 -> {
          Long value = random.nextInt(10) == 0 ? null : random.nextLong();
          kafka.put(key, value);
          ours.put(key, value);
        }
        case 2 -> assertThat(ours.delete(key)).isEqualTo(kafka.delete(key));
        case 3 -> assertThat(ours.get(key)).isEqualTo(kafka.get(key));
        case 4 -> {
          String other = key(random);
          assertThat(pairs(ours.range(key, other))).isEqualTo(pairs(kafka.range(key, other)));
        }
        default -> assertThat(pairs(ours.all())).isEqualTo(pairs(kafka.all()));
      }
    }
    assertThat(ours.approximateNumEntries()).isEqualTo(kafka.approximateNumEntries());
  }

  /** Keys whose UTF-16 and UTF-8 orders differ, so byte order is what is checked. */
  private static String key(SplittableRandom random) {
    String[] keys = {"a", "b", "ab", "s-1\u0000e-1", "s-1\u0000e-2", "\uFF21", "\uD83D\uDE00", "z"};
    return keys[random.nextInt(keys.length)] + random.nextInt(4);
  }

  private static List<KeyValue<Long, Long>> windows(WindowStoreIterator<Long> it) {
    List<KeyValue<Long, Long>> all = new ArrayList<>();
    try (it) {
      it.forEachRemaining(all::add);
    }
    return all;
  }

  private static List<String> records(
      KeyValueIterator<org.apache.kafka.streams.kstream.Windowed<String>, Long> it) {
    List<String> all = new ArrayList<>();
    try (it) {
      it.forEachRemaining(
          kv ->
              all.add(
                  kv.key.key()
                      + "@"
                      + kv.key.window().start()
                      + "-"
                      + kv.key.window().end()
                      + "="
                      + kv.value));
    }
    return all;
  }

  private static List<KeyValue<String, Long>> pairs(KeyValueIterator<String, Long> it) {
    List<KeyValue<String, Long>> all = new ArrayList<>();
    try (it) {
      it.forEachRemaining(all::add);
    }
    return all;
  }
}
