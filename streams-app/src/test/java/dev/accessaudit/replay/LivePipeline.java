package dev.accessaudit.replay;

import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.serde.AvroSerdes;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.topology.AuditTopics;
import dev.accessaudit.streams.topology.AuditTopology;
import dev.accessaudit.streams.topology.PipelineOptions;
import dev.accessaudit.streams.topology.StreamsSettings;
import dev.accessaudit.streams.topology.TopicNames;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/** The live topology running in KafkaStreams against the test broker, and what it published. */
final class LivePipeline implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration IDLE_POLL = Duration.ofMillis(20);

  private final String bootstrap;
  private final String applicationId;
  private final TopicNames names;
  private final Map<String, ?> serdeConfig;
  private final Properties props;
  private final Supplier<Topology> topology;
  private KafkaStreams streams;
  private Admin admin;

  LivePipeline(
      String bootstrap,
      Map<String, ?> serdeConfig,
      TopicNames names,
      Policy policy,
      PipelineOptions options,
      Path stateDir) {
    this(bootstrap, serdeConfig, names, policy, options, stateDir, 1);
  }

  /**
   * @param threads stream threads; the tasks (one per partition and sub-topology) are the same
   *     whatever their number, only run side by side
   */
  LivePipeline(
      String bootstrap,
      Map<String, ?> serdeConfig,
      TopicNames names,
      Policy policy,
      PipelineOptions options,
      Path stateDir,
      int threads) {
    this.bootstrap = bootstrap;
    this.names = names;
    this.serdeConfig = serdeConfig;
    this.applicationId = "replay-it-" + System.nanoTime();
    Properties props = new Properties();
    props.putAll(StreamsSettings.defaults(names));
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    this.props = props;
    AuditTopics topics = AuditTopics.create(names, serdeConfig);
    this.topology = () -> AuditTopology.build(topics, options, policy, Clock.systemUTC());
    streams = new KafkaStreams(topology.get(), props);
  }

  /**
   * Stops the instance (it commits what it processed and leaves the group), wipes its local state
   * as the application does at every start ({@code KafkaStreams.cleanUp()}, see AuditApplication),
   * and starts a new instance on the same application id, which restores its state from the
   * changelogs and goes on from the committed offsets.
   */
  void restart(Duration timeout) throws InterruptedException {
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(Duration.ofSeconds(30)));
    streams.cleanUp();
    streams = new KafkaStreams(topology.get(), props);
    start(timeout);
  }

  /**
   * Waits until the pipeline has processed and committed everything published so far: on every
   * partition of the input topics and of its own repartition topics, the committed offset has
   * reached the end. Committed offsets are read before end offsets, so a record appended while
   * looking is never missed; with nothing published meanwhile and the grace longer than the wait
   * (no wall-clock release), nothing more comes once they match.
   */
  void awaitIdle(Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    Admin admin = admin();
    List<TopicPartition> sources = sources(admin);
    while (true) {
      Map<TopicPartition, OffsetAndMetadata> committed = committed(admin);
      Map<TopicPartition, Long> end = endOffsets(admin, sources);
      if (end.entrySet().stream().allMatch(e -> offset(committed, e.getKey()) >= e.getValue())) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the pipeline did not process everything in " + timeout);
      }
      LockSupport.parkNanos(IDLE_POLL.toNanos());
    }
  }

  /**
   * Waits until the offsets committed on {@code topic} add up to at least {@code count}.
   *
   * @return their sum then
   */
  long awaitCommitted(String topic, long count, Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    Admin admin = admin();
    while (true) {
      Map<TopicPartition, OffsetAndMetadata> committed = committed(admin);
      long sum =
          committed.entrySet().stream()
              .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
              .mapToLong(e -> e.getValue().offset())
              .sum();
      if (sum >= count) {
        return sum;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(topic + " did not reach " + count + " committed in " + timeout);
      }
      LockSupport.parkNanos(IDLE_POLL.toNanos());
    }
  }

  /** Every alert committed so far, in topic order per partition. */
  List<ComplianceAlert> committedAlerts(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    List<ComplianceAlert> alerts = new ArrayList<>();
    try (KafkaConsumer<String, ComplianceAlert> consumer = alertConsumer()) {
      List<TopicPartition> out = partitions(consumer, names.alerts());
      consumer.assign(out);
      consumer.seekToBeginning(out);
      Map<TopicPartition, Long> outEnd = consumer.endOffsets(out);
      while (out.stream().anyMatch(p -> consumer.position(p) < outEnd.get(p))) {
        pollInto(consumer, alerts, deadline);
      }
    }
    return alerts;
  }

  private Admin admin() {
    if (admin == null) {
      admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
    }
    return admin;
  }

  private Map<TopicPartition, OffsetAndMetadata> committed(Admin admin) throws Exception {
    return admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
  }

  private static long offset(Map<TopicPartition, OffsetAndMetadata> committed, TopicPartition p) {
    OffsetAndMetadata offset = committed.get(p);
    return offset == null ? 0 : offset.offset();
  }

  /** The partitions the pipeline reads: its input topics and its repartition topics. */
  private List<TopicPartition> sources(Admin admin) throws Exception {
    List<String> topics =
        new ArrayList<>(List.of(names.accessEvents(), names.agreements(), names.consents()));
    admin.listTopics().names().get().stream()
        .filter(t -> t.startsWith(applicationId + "-") && t.endsWith("-repartition"))
        .forEach(topics::add);
    List<TopicPartition> partitions = new ArrayList<>();
    admin
        .describeTopics(topics)
        .allTopicNames()
        .get()
        .forEach(
            (topic, description) ->
                description
                    .partitions()
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
    return partitions;
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, List<TopicPartition> partitions)
      throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
    Map<TopicPartition, Long> end = new HashMap<>();
    admin.listOffsets(latest).all().get().forEach((p, info) -> end.put(p, info.offset()));
    return end;
  }

  void start(Duration timeout) throws InterruptedException {
    CountDownLatch running = new CountDownLatch(1);
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING) {
            running.countDown();
          }
        });
    streams.start();
    if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the pipeline did not reach RUNNING in " + timeout);
    }
  }

  /**
   * Waits until the pipeline has committed every access record published so far, then returns every
   * alert it published (committed records only), in topic order per partition.
   */
  List<ComplianceAlert> alertsOnceCaughtUp(Duration timeout) throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    List<ComplianceAlert> alerts = new ArrayList<>();
    try (KafkaConsumer<String, ComplianceAlert> consumer = alertConsumer();
        Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      List<TopicPartition> out = partitions(consumer, names.alerts());
      consumer.assign(out);
      consumer.seekToBeginning(out);
      Map<TopicPartition, Long> inputEnd =
          consumer.endOffsets(partitions(consumer, names.accessEvents()));
      while (!caughtUp(admin, inputEnd)) {
        pollInto(consumer, alerts, deadline);
      }
      Map<TopicPartition, Long> outEnd = consumer.endOffsets(out);
      while (out.stream().anyMatch(p -> consumer.position(p) < outEnd.get(p))) {
        pollInto(consumer, alerts, deadline);
      }
    }
    return alerts;
  }

  private static void pollInto(
      KafkaConsumer<String, ComplianceAlert> consumer,
      List<ComplianceAlert> alerts,
      Instant deadline) {
    if (Instant.now().isAfter(deadline)) {
      throw new AssertionError("the pipeline did not catch up in time");
    }
    consumer.poll(POLL).forEach(r -> alerts.add(r.value()));
  }

  private boolean caughtUp(Admin admin, Map<TopicPartition, Long> end) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
    return end.entrySet().stream()
        .allMatch(
            e ->
                committed.get(e.getKey()) != null
                    && committed.get(e.getKey()).offset() >= e.getValue());
  }

  private KafkaConsumer<String, ComplianceAlert> alertConsumer() {
    Map<String, Object> settings = new java.util.HashMap<>(serdeConfig);
    settings.put("bootstrap.servers", bootstrap);
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(
        settings,
        new StringDeserializer(),
        AvroSerdes.valueSerde(ComplianceAlert.class, serdeConfig).deserializer());
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    return consumer.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(topic, p.partition()))
        .collect(Collectors.toList());
  }

  @Override
  public void close() {
    try {
      streams.close(Duration.ofSeconds(30));
    } finally {
      if (admin != null) {
        admin.close();
      }
    }
  }
}
