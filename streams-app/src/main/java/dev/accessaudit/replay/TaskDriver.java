package dev.accessaudit.replay;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.internals.AutoOffsetResetStrategy;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.internals.LogContext;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.internals.StreamsConfigUtils;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.internals.InternalTopologyBuilder;
import org.apache.kafka.streams.processor.internals.ProcessorContextImpl;
import org.apache.kafka.streams.processor.internals.ProcessorStateManager;
import org.apache.kafka.streams.processor.internals.ProcessorTopology;
import org.apache.kafka.streams.processor.internals.RecordCollectorImpl;
import org.apache.kafka.streams.processor.internals.StateDirectory;
import org.apache.kafka.streams.processor.internals.StreamTask;
import org.apache.kafka.streams.processor.internals.StreamsProducer;
import org.apache.kafka.streams.processor.internals.Task;
import org.apache.kafka.streams.processor.internals.metrics.StreamsMetricsImpl;
import org.apache.kafka.streams.processor.internals.metrics.TaskMetrics;
import org.apache.kafka.streams.state.internals.ThreadCache;

/**
 * Runs a topology as one Kafka Streams {@link StreamTask}, the class a live stream thread runs,
 * over records handed to it one at a time: the task's own record queues, stream time, punctuation,
 * processors, stores and exception handlers all do their usual work. It is what {@code
 * TopologyTestDriver} does, without the test driver's costs that a long replay cannot afford: a
 * commit (store flush and checkpoint file) after every record, a regular expression compiled for
 * every record in and out, and every output kept in memory until read. Here nothing is committed
 * until {@link #close()} (a replay restores nothing, so a commit would only flush), and every
 * record the task writes is handed at once to an {@link Output}: records for the task's own
 * repartition topics come back in as the test driver feeds them back (at once, in order), the rest
 * are the caller's to keep or drop.
 *
 * <p>Wall-clock time stands still at the time given, so wall-clock punctuators never fire, as in
 * the test driver when its clock is not advanced.
 *
 * <p>This class uses Kafka Streams' internal task API (as {@code TopologyTestDriver} does), which
 * is not stable across versions: it is pinned to the Kafka version of the build, and the replay
 * tests fail loudly if an upgrade changes it.
 */
final class TaskDriver implements AutoCloseable {

  /** Where the records the task writes go, other than its own repartition topics. */
  @FunctionalInterface
  interface Output {
    void accept(String topic, byte[] key, byte[] value);
  }

  /** A {@link StreamsBuilder} that lets the driver build the task from what it assembled. */
  static final class Builder extends StreamsBuilder {
    InternalTopologyBuilder internals() {
      return internalTopologyBuilder;
    }
  }

  private static final TaskId TASK_ID = new TaskId(0, 0);
  private static final int PARTITION = 0;

  private final long wallClockMs;
  private final Output output;
  private final Metrics metrics;
  private final StateDirectory stateDirectory;
  private final StreamTask task;
  private final Map<String, TopicPartition> sources = new HashMap<>();
  private final Map<TopicPartition, long[]> nextOffset = new HashMap<>();
  private final ArrayDeque<ProducerRecord<byte[], byte[]>> fedBack = new ArrayDeque<>();

  /**
   * @param builder the builder the topology was assembled with; its {@code build()} already called
   * @param props the Streams settings (application id, state directory, handlers)
   * @param wallClockMs the wall-clock time the task sees throughout
   */
  TaskDriver(Builder builder, Properties props, long wallClockMs, Output output) {
    this.wallClockMs = wallClockMs;
    this.output = output;
    StreamsConfig config = new StreamsConfig(props);
    LogContext logContext = new LogContext("replay ");
    Time time = new StoppedClock(wallClockMs);
    metrics =
        new Metrics(
            new MetricConfig()
                .recordLevel(
                    Sensor.RecordingLevel.forName(
                        config.getString(StreamsConfig.METRICS_RECORDING_LEVEL_CONFIG))),
            time);
    StreamsMetricsImpl streamsMetrics = new StreamsMetricsImpl(metrics, "replay", time);
    TaskMetrics.droppedRecordsSensor(
        Thread.currentThread().getName(), TASK_ID.toString(), streamsMetrics);

    InternalTopologyBuilder internals = builder.internals();
    internals.rewriteTopology(config);
    ProcessorTopology topology = internals.buildTopology();
    for (String topic : topology.sourceTopics()) {
      TopicPartition tp = new TopicPartition(topic, PARTITION);
      sources.put(topic, tp);
      nextOffset.put(tp, new long[1]);
    }
    stateDirectory = new StateDirectory(config, time, internals.hasPersistentStores(), false);
    ThreadCache cache = new ThreadCache(logContext, 0, streamsMetrics);
    MockConsumer<byte[], byte[]> consumer =
        new MockConsumer<>(AutoOffsetResetStrategy.EARLIEST.name());
    StreamsProducer producer =
        new StreamsProducer(
            new Routing(), StreamsConfigUtils.processingMode(config), time, logContext);
    Set<TopicPartition> partitions = Set.copyOf(sources.values());
    consumer.assign(partitions);
    ProcessorStateManager stateManager =
        new ProcessorStateManager(
            TASK_ID,
            Task.TaskType.ACTIVE,
            StreamsConfigUtils.eosEnabled(config),
            config.getBoolean(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG),
            logContext,
            stateDirectory,
            time,
            topology.storeToChangelogTopic(),
            partitions);
    task =
        new StreamTask(
            TASK_ID,
            partitions,
            topology,
            consumer,
            internals.topologyConfigs().getTaskConfig(),
            streamsMetrics,
            stateDirectory,
            cache,
            time,
            stateManager,
            new RecordCollectorImpl(
                logContext,
                TASK_ID,
                producer,
                config.productionExceptionHandler(),
                streamsMetrics,
                topology),
            new ProcessorContextImpl(TASK_ID, config, stateManager, streamsMetrics, cache),
            logContext,
            false);
    task.initializeIfNeeded();
    task.completeRestoration(noReset -> {});
    partitions.forEach(
        tp -> task.updateNextOffsets(tp, new OffsetAndMetadata(0, Optional.empty(), "")));
  }

  /** Hands one record of a source topic to the task and processes everything it leads to. */
  void pipe(String topic, byte[] key, byte[] value, Headers headers, long timestamp) {
    TopicPartition tp = sources.get(topic);
    if (tp == null) {
      throw new IllegalArgumentException("the topology does not read " + topic);
    }
    enqueue(tp, key, value, headers, timestamp);
    processAll();
  }

  /** The task's state store of this name. */
  StateStore store(String name) {
    return task.store(name);
  }

  private void processAll() {
    while (task.hasRecordsQueued() && task.isProcessable(wallClockMs)) {
      task.process(wallClockMs);
      task.maybePunctuateStreamTime();
      while (!fedBack.isEmpty()) {
        ProducerRecord<byte[], byte[]> r = fedBack.poll();
        enqueue(sources.get(r.topic()), r.key(), r.value(), r.headers(), r.timestamp());
      }
    }
  }

  private void enqueue(
      TopicPartition tp, byte[] key, byte[] value, Headers headers, long timestamp) {
    long offset = nextOffset.get(tp)[0]++;
    task.addRecords(
        tp,
        List.of(
            new ConsumerRecord<>(
                tp.topic(),
                PARTITION,
                offset,
                timestamp,
                TimestampType.CREATE_TIME,
                key == null ? ConsumerRecord.NULL_SIZE : key.length,
                value == null ? ConsumerRecord.NULL_SIZE : value.length,
                key,
                value,
                headers,
                Optional.empty())));
  }

  @Override
  public void close() {
    try {
      task.suspend();
      task.prepareCommit(true);
      task.postCommit(true);
      task.closeClean();
    } finally {
      metrics.close();
      stateDirectory.clean();
    }
  }

  /**
   * The task's producer: a record for one of the task's own source topics (a repartition topic) is
   * fed back after the record being processed, as a broker round trip would bring it; every other
   * record goes to the output at once.
   */
  private final class Routing extends MockProducer<byte[], byte[]> {

    private long offset;

    Routing() {
      super(Cluster.empty(), true, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
      return List.of(new PartitionInfo(topic, PARTITION, null, null, null));
    }

    @Override
    public synchronized Future<RecordMetadata> send(
        ProducerRecord<byte[], byte[]> record, Callback callback) {
      if (sources.containsKey(record.topic())) {
        fedBack.add(record);
      } else {
        output.accept(record.topic(), record.key(), record.value());
      }
      RecordMetadata metadata =
          new RecordMetadata(
              new TopicPartition(record.topic(), PARTITION),
              offset++,
              0,
              record.timestamp() == null ? wallClockMs : record.timestamp(),
              record.key() == null ? -1 : record.key().length,
              record.value() == null ? -1 : record.value().length);
      if (callback != null) {
        callback.onCompletion(metadata, null);
      }
      return CompletableFuture.completedFuture(metadata);
    }
  }

  /** Wall-clock time that does not move. */
  private record StoppedClock(long ms) implements Time {
    @Override
    public long milliseconds() {
      return ms;
    }

    @Override
    public long nanoseconds() {
      return TimeUnit.MILLISECONDS.toNanos(ms);
    }

    @Override
    public void sleep(long sleepMs) {
      // nothing waits in a replay
    }

    @Override
    public void waitObject(Object obj, Supplier<Boolean> condition, long deadlineMs) {
      if (!condition.get()) {
        throw new IllegalStateException("a replay task cannot wait for " + obj);
      }
    }
  }
}
