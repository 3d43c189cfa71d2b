package dev.accessaudit.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.app.TestBroker;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upstream Kafka Streams bug, reproduced with plain Kafka Streams (none of our topology): the
 * grace buffer of a stream-table join ({@code Joined.withGracePeriod} against a versioned KTable)
 * does not survive a restore from its changelog. See {@code docs/grace-buffer-restore-bug.md}.
 *
 * <p>{@code RocksDBTimeOrderedKeyValueBuffer} writes time-first keys {@code [0x00][time][key][seq]}
 * to the changelog, but {@code RocksDBTimeOrderedKeyValueBytesStore.getWriteBatches} restores them
 * as key-first window keys {@code [key][time][seq]}: it reads the record's "time" from the eight
 * bytes before the sequence number, which are the last eight bytes of the serialized key. For the
 * key {@code staff-000042} that is {@code "f-000042"} = 7362593949345657906 ms, some 233 million
 * years ahead. The restored entry is never evicted, and the buffer's stream time jumps there, so
 * every later record skips the buffer and is joined at once, without grace.
 *
 * <p>A second bug showed up while writing this: after any restart, even with the local state kept,
 * the buffer's record count starts at 0, and a record buffered after the restart can be skipped for
 * good (see {@link #shouldSkipTheNextBufferedRecordAfterARestartWithLocalStateUntilKafkaFixesIt}).
 *
 * <p>The {@code ...UntilKafkaFixesIt} tests assert the bugs AS THEY ARE TODAY, so they pass on
 * Kafka Streams 4.3.1 (the buffer's code is the same in 4.3.2 and 4.4.0) and FAIL THE DAY KAFKA
 * FIXES THEM. When one fails after a Kafka upgrade: check the fix in the release notes, then turn
 * it into the upstream reproduction by flipping its final assertion to the correct behaviour (the
 * comment there gives it; the baseline test shows it without a restart), and consider whether our
 * own grace buffer ({@code HoldForState}) is still needed.
 */
class KafkaJoinGraceBufferRestoreIT {

  private static final Duration GRACE = Duration.ofSeconds(10);
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  /** How long the test watches the output for the buffered record after the restore. */
  private static final Duration LOSS_WINDOW = Duration.ofSeconds(15);

  private static final String JOIN_NAME = "grace-join";

  /** Kafka names the buffer store {@code <join name>-Buffer} (KStreamImpl.doStreamTableJoin). */
  private static final String BUFFER_STORE = JOIN_NAME + "-Buffer";

  /** Eight or more ASCII bytes: the restored "time" is its last eight, "f-000042". */
  private static final String KEY = "staff-000042";

  private static final long GARBLED_TIME = 7362593949345657906L;

  private static TestBroker cluster;

  @TempDir Path stateDir;
  private final String run = UUID.randomUUID().toString();
  private final String appId = "grace-bug-" + run;
  private final String accesses = "grace-bug-accesses-" + run;
  private final String states = "grace-bug-states-" + run;
  private final String output = "grace-bug-joined-" + run;
  private final Map<String, Long> restored = new ConcurrentHashMap<>();
  private KafkaStreams streams;

  @BeforeAll
  static void startBroker() throws Exception {
    cluster = TestBroker.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    cluster.close();
  }

  @BeforeEach
  void createTopics() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(accesses, 1, (short) 1),
                  new NewTopic(states, 1, (short) 1),
                  new NewTopic(output, 1, (short) 1)))
          .all()
          .get();
    }
  }

  @AfterEach
  void stopStreams() {
    if (streams != null) {
      streams.close(Duration.ofSeconds(30));
    }
  }

  /**
   * Baseline, no restart: each access is released once a later one moves stream time past its time
   * plus grace, so access-1 to access-3 come out in order and access-4 stays buffered.
   */
  @Test
  void shouldReleaseEachAccessOnceStreamTimePassesItsGraceWithoutARestart() throws Exception {
    Instant t = bufferOneAccess();

    sendLaterAccesses(t);

    assertThat(pollOutput(DEADLINE, "access-3|SIGNED"))
        .containsExactly("access-1|SIGNED", "access-2|SIGNED", "access-3|SIGNED");
  }

  /**
   * The reported bug: after a restore from the changelog the buffered access is lost. Asserts it AS
   * IT IS TODAY; fails the day Kafka fixes it.
   */
  @Test
  void shouldLoseTheBufferedRecordAfterARestoreUntilKafkaFixesIt() throws Exception {
    Instant t = bufferOneAccess();

    // Stop, lose the local state, start again: the buffer is restored from its changelog.
    stop();
    deleteRecursively(stateDir.resolve(appId));
    assertThat(stateDir.resolve(appId)).doesNotExist();
    start();
    awaitRunningWithRestored(BUFFER_STORE);
    assertThat(restored.get(BUFFER_STORE)).as("buffer records restored").isEqualTo(1L);

    // Later accesses, far past t + grace: access-2 alone is enough to release access-1.
    sendLaterAccesses(t);
    List<String> joined = pollOutput(LOSS_WINDOW, "access-1|SIGNED");

    // The bug as it is today: the buffered access-1 never comes out, and every later access comes
    // out at once, unbuffered: access-4 had no later record to close its grace period, yet it is
    // joined, because the restored entry moved the buffer's stream time ~233 million years ahead.
    //
    // To turn this into the upstream reproduction (correct behaviour), assert instead what the
    // baseline test produces without a restart:
    //   assertThat(joined)
    //       .containsExactly("access-1|SIGNED", "access-2|SIGNED", "access-3|SIGNED");
    // (access-1 released once, by access-2's stream time; access-4 still held in the buffer.)
    assertThat(joined).containsExactly("access-2|SIGNED", "access-3|SIGNED", "access-4|SIGNED");
  }

  /**
   * A second, related bug, found by this test: a restart that KEEPS the local state (no changelog
   * restore, what Kafka's own JoinGracePeriodDurabilityIntegrationTest does) releases the buffered
   * access-1 correctly, but then skips access-2. The buffer's record count starts at 0 after any
   * restart, although its store still holds access-1; evicting access-1 takes the count to 0 with
   * access-2 still stored, so the buffer resets its minimum timestamp to Long.MAX_VALUE; the next
   * put sets it to access-3's time and the next eviction scan starts there, past access-2, which
   * stays stranded for good. Asserts it AS IT IS TODAY; fails the day Kafka fixes it.
   */
  @Test
  void shouldSkipTheNextBufferedRecordAfterARestartWithLocalStateUntilKafkaFixesIt()
      throws Exception {
    Instant t = bufferOneAccess();

    stop();
    start();
    awaitRunning();

    sendLaterAccesses(t);
    List<String> joined = pollOutput(DEADLINE, "access-3|SIGNED");

    assertThat(restored.getOrDefault(BUFFER_STORE, 0L)).as("buffer records restored").isZero();
    // The bug as it is today: access-1 comes out (the local state kept it), access-2 never does,
    // yet access-3 after it does. The correct behaviour is the baseline's:
    //   assertThat(joined)
    //       .containsExactly("access-1|SIGNED", "access-2|SIGNED", "access-3|SIGNED");
    assertThat(joined).containsExactly("access-1|SIGNED", "access-3|SIGNED");
  }

  /** Three accesses after t, 30 s apart, each well past the previous one's grace period. */
  private void sendLaterAccesses(Instant t) throws Exception {
    send(accesses, "access-2", t.plusSeconds(30));
    send(accesses, "access-3", t.plusSeconds(60));
    send(accesses, "access-4", t.plusSeconds(90));
  }

  /**
   * Starts the app and has it buffer one access at t (nothing later has arrived to close its grace
   * period); returns t. Checks the changelog record the buffer wrote for it.
   */
  private Instant bufferOneAccess() throws Exception {
    // Times well inside the broker's accepted window (it refuses records > 1 h ahead).
    Instant t = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MILLIS);
    send(states, "SIGNED", t.minusSeconds(60));
    start();
    send(accesses, "access-1", t);
    ConsumerRecord<byte[], byte[]> logged = firstCommittedRecord(bufferChangelog());
    // Under exactly_once_v2 the changelog write and any join output share one transaction: the
    // access was buffered, not joined.
    assertThat(committedEndOffset(output)).as("joined records before the restart").isZero();

    // The changelog key is time-first: [0x00][t][key][seq] ...
    ByteBuffer key = ByteBuffer.wrap(logged.key());
    byte[] keyBytes = KEY.getBytes(StandardCharsets.UTF_8);
    assertThat(logged.key()).hasSize(1 + Long.BYTES + keyBytes.length + Integer.BYTES);
    assertThat(key.get(0)).isZero();
    assertThat(key.getLong(1)).isEqualTo(t.toEpochMilli());
    // ... but the restore reads the time where a key-first window key keeps it (WindowKeySchema
    // #extractStoreTimestamp: the 8 bytes before the 4-byte seq), i.e. the key's last 8 bytes.
    assertThat(key.getLong(logged.key().length - Integer.BYTES - Long.BYTES))
        .isEqualTo(GARBLED_TIME);
    return t;
  }

  private Topology topology() {
    StreamsBuilder builder = new StreamsBuilder();
    KTable<String, String> table =
        builder.table(
            states,
            Consumed.with(Serdes.String(), Serdes.String()),
            Materialized.as(
                Stores.persistentVersionedKeyValueStore("grace-bug-states", Duration.ofHours(1))));
    builder.stream(accesses, Consumed.with(Serdes.String(), Serdes.String()))
        .leftJoin(
            table,
            (access, state) -> access + "|" + state,
            Joined.with(Serdes.String(), Serdes.String(), Serdes.String())
                .withName(JOIN_NAME)
                .withGracePeriod(GRACE))
        .to(output, Produced.with(Serdes.String(), Serdes.String()));
    return builder.build();
  }

  private void start() {
    restored.clear();
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, appId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    streams = new KafkaStreams(topology(), props);
    streams.setGlobalStateRestoreListener(
        new StateRestoreListener() {
          @Override
          public void onRestoreStart(TopicPartition tp, String store, long start, long end) {}

          @Override
          public void onBatchRestored(TopicPartition tp, String store, long end, long batch) {}

          @Override
          public void onRestoreEnd(TopicPartition tp, String store, long total) {
            restored.merge(store, total, Long::sum);
          }
        });
    streams.start();
  }

  private void stop() {
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(DEADLINE));
    assertThat(streams.state()).isEqualTo(KafkaStreams.State.NOT_RUNNING);
  }

  private String bufferChangelog() {
    return appId + "-" + BUFFER_STORE + "-changelog";
  }

  private void awaitRunning() {
    awaitState(() -> streams.state() == KafkaStreams.State.RUNNING, "RUNNING");
  }

  private void awaitRunningWithRestored(String store) {
    awaitState(
        () -> streams.state() == KafkaStreams.State.RUNNING && restored.containsKey(store),
        "RUNNING with " + store + " restored");
  }

  private void awaitState(BooleanSupplier condition, String what) {
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not " + what + " within " + DEADLINE + ": " + streams.state());
      }
      try {
        Thread.sleep(50); // polls a condition; correctness never depends on this pause
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private void send(String topic, String value, Instant at) throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all"),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, null, at.toEpochMilli(), KEY, value)).get();
    }
  }

  private <K, V> KafkaConsumer<K, V> committedReader(Deserializer<K> keys, Deserializer<V> values) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            cluster.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "reader-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed"),
        keys,
        values);
  }

  /** Waits for the first committed record of a topic (Streams creates the changelog itself). */
  private ConsumerRecord<byte[], byte[]> firstCommittedRecord(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        committedReader(new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long end = System.nanoTime() + DEADLINE.toNanos();
      while (System.nanoTime() < end) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          return record;
        }
      }
    }
    throw new AssertionError("no committed record on " + topic + " within " + DEADLINE);
  }

  /** The last stable offset of a one-partition topic: what a read_committed reader can see. */
  private long committedEndOffset(String topic) {
    TopicPartition partition = new TopicPartition(topic, 0);
    try (KafkaConsumer<byte[], byte[]> consumer =
        committedReader(new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      return consumer.endOffsets(List.of(partition), DEADLINE).get(partition);
    }
  }

  /** Reads the committed output for {@code window}, or until {@code stopAt} arrives. */
  private List<String> pollOutput(Duration window, String stopAt) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        committedReader(new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(output));
      long end = System.nanoTime() + window.toNanos();
      while (System.nanoTime() < end && !values.contains(stopAt)) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
      }
    }
    return values;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
