package dev.accessaudit.replay;

import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.topology.AuditTopics;
import dev.accessaudit.streams.topology.PipelineOptions;
import dev.accessaudit.streams.topology.TopicNames;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One {@link ReplayDriver} per partition of the access topic, as the live pipeline runs one task
 * per partition: each access and agreement record goes to its partition's driver, so each driver's
 * stream time, grace buffer, de-duplication store and windows see only that partition, as a live
 * task does. Every consent record goes to every driver: an access needing the visitor's consent is
 * judged in its staff member's driver, against the consent of any visitor (live, the consent
 * look-up runs in the visitor's task, behind a repartition topic).
 */
final class ReplayDrivers implements AutoCloseable {

  private final TopicNames names;
  private final List<ReplayDriver> drivers = new ArrayList<>();

  ReplayDrivers(
      int partitions,
      TopicNames names,
      AuditTopics topics,
      PipelineOptions options,
      Policy policy,
      Clock clock,
      Consumer<ComplianceAlert> alertSink) {
    this.names = names;
    try {
      for (int p = 0; p < partitions; p++) {
        drivers.add(new ReplayDriver(names, topics, options, policy, clock, alertSink));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Pipes a state record in: an agreement to its partition's driver, a consent to every one. */
  void pipe(ConsumerRecord<byte[], byte[]> record) {
    if (record.topic().equals(names.consents())) {
      drivers.forEach(d -> d.pipe(record));
    } else {
      driverOf(record).pipe(record);
    }
  }

  /** Pipes an access record into its partition's driver and tells what the topology did. */
  ReplayDriver.Outcome pipeAccess(ConsumerRecord<byte[], byte[]> record) {
    return driverOf(record).pipeAccess(record);
  }

  private ReplayDriver driverOf(ConsumerRecord<byte[], byte[]> record) {
    if (record.partition() >= drivers.size()) {
      throw new IllegalStateException(
          String.format(
              "%s has more partitions than %s (%d); the pipeline refuses to start on such topics,"
                  + " so there is nothing to replay",
              record.topic(), names.accessEvents(), drivers.size()));
    }
    return drivers.get(record.partition());
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (ReplayDriver driver : drivers) {
      try {
        driver.close();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
