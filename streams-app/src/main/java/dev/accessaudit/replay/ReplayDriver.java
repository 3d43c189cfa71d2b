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
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateStore;

/**
 * The live topology ({@link AuditTopology#build}) run as one stream task ({@link TaskDriver}):
 * records piped in as they were read, with their own bytes, timestamps and headers, so the
 * topology's deserializers, validation, de-duplication, joins, stores and dead-letter handling all
 * run; nothing is written to Kafka. The state stores live in a fresh temporary directory, deleted
 * on {@link #close()}. Alerts are decoded and handed on as the task writes them; every other output
 * (dead letters) is only counted where the outcome of an access needs it, and dropped.
 */
final class ReplayDriver implements AutoCloseable {

  static final String APPLICATION_ID = "audit-replay";

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
  private final TaskDriver driver;
  private final String alertTopic;
  private final String deadLetterTopic;
  private final StateStore dedupStore;
  private final Deserializer<ComplianceAlert> alertDecoder;
  private final Consumer<ComplianceAlert> alertSink;
  private long deadLetters;

  ReplayDriver(
      TopicNames names,
      AuditTopics topics,
      PipelineOptions options,
      Policy policy,
      Clock clock,
      Consumer<ComplianceAlert> alertSink) {
    this.alertTopic = names.alerts();
    this.deadLetterTopic = names.deadLetter();
    this.alertDecoder = topics.alerts().valueSerde().deserializer();
    this.alertSink = alertSink;
    this.stateDir = tempDir();
    TaskDriver.Builder builder = new TaskDriver.Builder();
    AuditTopology.build(builder, topics, options, policy, clock, StateBacking.IN_MEMORY);
    TaskDriver started;
    try {
      started = new TaskDriver(builder, properties(names, stateDir), clock.millis(), this::output);
    } catch (RuntimeException e) {
      delete(stateDir);
      throw e;
    }
    this.driver = started;
    this.dedupStore = driver.store(AuditTopology.DEDUP_STORE);
  }

  /** Pipes a state record (agreement, consent) in. */
  void pipe(FeedRecord record) {
    pipeIn(record);
  }

  /** Pipes an access record in and tells what the topology did with it. */
  Outcome pipeAccess(FeedRecord record) {
    long deadLettersBefore = deadLetters;
    long admittedBefore = StateBacking.valuesKept(dedupStore);
    pipeIn(record);
    return deadLetters > deadLettersBefore
        ? Outcome.DEAD_LETTERED
        : StateBacking.valuesKept(dedupStore) > admittedBefore
            ? Outcome.ADMITTED
            : Outcome.DUPLICATE;
  }

  private void pipeIn(FeedRecord record) {
    ConsumerRecord<byte[], byte[]> raw = record.raw();
    Decoded.whilePiping(
        record,
        () -> driver.pipe(raw.topic(), raw.key(), raw.value(), raw.headers(), raw.timestamp()));
  }

  private void output(String topic, byte[] key, byte[] value) {
    if (topic.equals(alertTopic)) {
      alertSink.accept(alertDecoder.deserialize(topic, value));
    } else if (topic.equals(deadLetterTopic)) {
      deadLetters++;
    }
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
    // Nothing is committed before the end, so there are no transactions to emulate.
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    // The feed already comes in the order a task that waited for all its partitions reads it, one
    // record at a time: there is never anything to wait for.
    props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
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
