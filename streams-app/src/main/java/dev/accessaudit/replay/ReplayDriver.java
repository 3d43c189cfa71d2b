package dev.accessaudit.replay;

import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.topology.AuditTopics;
import dev.accessaudit.streams.topology.AuditTopology;
import dev.accessaudit.streams.topology.PipelineOptions;
import dev.accessaudit.streams.topology.StateBacking;
import dev.accessaudit.streams.topology.StreamsSettings;
import dev.accessaudit.streams.topology.TopicNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The live topology ({@link AuditTopology#build}) in a {@link TopologyTestDriver}: records piped in
 * as they were read, with their own bytes, timestamps and headers, so the topology's deserializers,
 * validation, de-duplication, joins, stores and dead-letter handling all run; nothing is written to
 * Kafka. The state stores live in a fresh temporary directory, deleted on {@link #close()}.
 *
 * <p>The driver keeps everything the topology produces (alerts, dead letters, changelog and
 * repartition records) until it is read, so every {@value #DRAIN_EVERY} records piped, the alerts
 * are handed on and all other output is discarded.
 */
final class ReplayDriver implements AutoCloseable {

  static final String APPLICATION_ID = "audit-replay";
  static final int DRAIN_EVERY = 5_000;

  /** What became of an access record piped in, judged from what the topology wrote for it. */
  enum Outcome {
    /** dead-lettered: undecodable, wrongly keyed or invalid */
    DEAD_LETTERED,
    /** recorded in the de-duplication store: a first-seen access, on its way to judgement */
    ADMITTED,
    /** neither: a copy of an eventId already seen within the de-duplication window */
    DUPLICATE
  }

  private final Path stateDir;
  private final TopologyTestDriver driver;
  private final TopicNames names;
  private final Map<String, TestInputTopic<byte[], byte[]>> inputs = new HashMap<>();
  private final Map<String, TestOutputTopic<byte[], byte[]>> discarded = new HashMap<>();
  private final TestOutputTopic<String, ComplianceAlert> alerts;
  private final Consumer<ComplianceAlert> alertSink;
  private final Set<String> produced;
  private final String dedupChangelog;
  private int sinceDrain;

  ReplayDriver(
      TopicNames names,
      AuditTopics topics,
      PipelineOptions options,
      Policy policy,
      Clock clock,
      Consumer<ComplianceAlert> alertSink) {
    this.names = names;
    this.alertSink = alertSink;
    this.stateDir = tempDir();
    this.driver =
        new TopologyTestDriver(
            AuditTopology.build(topics, options, policy, clock, StateBacking.IN_MEMORY),
            properties(names, stateDir),
            clock.instant());
    for (String input : List.of(names.accessEvents(), names.agreements(), names.consents())) {
      inputs.put(
          input,
          driver.createInputTopic(input, new ByteArraySerializer(), new ByteArraySerializer()));
    }
    this.alerts =
        driver.createOutputTopic(
            names.alerts(),
            topics.alerts().keySerde().deserializer(),
            topics.alerts().valueSerde().deserializer());
    this.produced = driver.producedTopicNames();
    this.dedupChangelog = APPLICATION_ID + "-" + AuditTopology.DEDUP_STORE + "-changelog";
  }

  /** Pipes a state record (agreement, consent) in. */
  void pipe(ConsumerRecord<byte[], byte[]> record) {
    pipeIn(record);
    maybeDrain();
  }

  /** Pipes an access record in and tells what the topology did with it. */
  Outcome pipeAccess(ConsumerRecord<byte[], byte[]> record) {
    long deadLetters = queued(names.deadLetter());
    long admitted = queued(dedupChangelog);
    pipeIn(record);
    Outcome outcome =
        queued(names.deadLetter()) > deadLetters
            ? Outcome.DEAD_LETTERED
            : queued(dedupChangelog) > admitted ? Outcome.ADMITTED : Outcome.DUPLICATE;
    maybeDrain();
    return outcome;
  }

  /** Hands on the alerts produced so far and discards every other output. */
  void drain() {
    sinceDrain = 0;
    for (String topic : List.copyOf(produced)) {
      if (topic.equals(names.alerts())) {
        alerts.readValuesToList().forEach(alertSink);
      } else {
        raw(topic).readRecordsToList();
      }
    }
  }

  private void pipeIn(ConsumerRecord<byte[], byte[]> record) {
    inputs
        .get(record.topic())
        .pipeInput(
            new TestRecord<>(record.key(), record.value(), record.headers(), record.timestamp()));
  }

  private void maybeDrain() {
    if (++sinceDrain >= DRAIN_EVERY) {
      drain();
    }
  }

  /** How many records wait unread in the topic (drained ones no longer count). */
  private long queued(String topic) {
    return produced.contains(topic) ? raw(topic).getQueueSize() : 0;
  }

  private TestOutputTopic<byte[], byte[]> raw(String topic) {
    return discarded.computeIfAbsent(
        topic,
        t -> driver.createOutputTopic(t, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
  }

  @Override
  public void close() {
    try {
      driver.close();
    } finally {
      delete(stateDir);
    }
  }

  private static Properties properties(TopicNames names, Path stateDir) {
    Properties props = new Properties();
    props.putAll(StreamsSettings.defaults(names));
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "replay.invalid:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    // The driver commits after every record; at-least-once is the same processing without the
    // mock transactions, under which it never shows a dead letter of a record it skipped.
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    // The feed already comes in the order a task that waited for all its partitions reads it.
    props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, 0L);
    return props;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("audit-replay");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a state directory for the replay", e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temporary directory is not worth failing a finished replay for
    }
  }
}
