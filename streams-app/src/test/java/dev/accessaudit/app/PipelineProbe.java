package dev.accessaudit.app;

import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.serde.AvroSerdes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Waits on the pipeline's observable state: committed input offsets and committed alerts. */
final class PipelineProbe {
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  private final String bootstrap;
  private final String registryUrl;

  PipelineProbe(String bootstrap, String registryUrl) {
    this.bootstrap = bootstrap;
    this.registryUrl = registryUrl;
  }

  /** Waits until the application's group has committed every record of the topic. */
  void awaitConsumed(String group, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      await(() -> committedAll(admin, group, topic), group + " to consume all of " + topic);
    }
  }

  /** Every committed alert, from the beginning to the current end. */
  List<ComplianceAlert> alerts(String topic) {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers", bootstrap,
            "schema.registry.url", registryUrl,
            "isolation.level", "read_committed");
    var values = AvroSerdes.valueSerde(ComplianceAlert.class, config).deserializer();
    try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ComplianceAlert> alerts = new ArrayList<>();
      long deadline = System.nanoTime() + DEADLINE.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, ComplianceAlert> r : consumer.poll(Duration.ofMillis(100))) {
          alerts.add(r.value());
        }
      }
      return alerts;
    }
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.onSpinWait();
      java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
    }
  }

  private static boolean committedAll(Admin admin, String group, String topic) {
    try {
      var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
      Map<TopicPartition, OffsetSpec> latest =
          partitions.partitions().stream()
              .collect(
                  Collectors.toMap(
                      p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
      var ends = admin.listOffsets(latest).all().get();
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
      return ends.entrySet().stream()
          .allMatch(
              e ->
                  e.getValue().offset() == 0
                      || (committed.get(e.getKey()) != null
                          && committed.get(e.getKey()).offset() >= e.getValue().offset()));
    } catch (Exception e) {
      return false;
    }
  }
}
