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
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/** The live topology running in KafkaStreams against the test broker, and what it published. */
final class LivePipeline implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(200);

  private final String bootstrap;
  private final String applicationId;
  private final TopicNames names;
  private final Map<String, ?> serdeConfig;
  private final KafkaStreams streams;

  LivePipeline(
      String bootstrap,
      Map<String, ?> serdeConfig,
      TopicNames names,
      Policy policy,
      PipelineOptions options,
      Path stateDir) {
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
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    AuditTopics topics = AuditTopics.create(names, serdeConfig);
    streams =
        new KafkaStreams(AuditTopology.build(topics, options, policy, Clock.systemUTC()), props);
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
    streams.close(Duration.ofSeconds(30));
  }
}
