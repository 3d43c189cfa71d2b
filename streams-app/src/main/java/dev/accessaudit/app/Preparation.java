package dev.accessaudit.app;

import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.registry.SchemaRegistryClient;
import dev.accessaudit.registry.SchemaRegistryClients;
import dev.accessaudit.streams.topology.TopicNames;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What must hold before Kafka Streams starts: every topic exists (a missing output topic costs a
 * minute of time-outs and aborted transactions), the access, agreement and consent topics have as
 * many partitions as each other (each task reads the same partition number of each, and keys land
 * by the same hash), and the four value schemas are registered.
 */
final class Preparation {
  private static final Logger LOG = LoggerFactory.getLogger(Preparation.class);

  private Preparation() {}

  static void topicsAndSchemas(AuditConfig config, TopicNames names) {
    try (Admin admin = Clients.admin(config)) {
      TopicReport report = new TopicProvisioner(admin).provision(TopicSpec.contractTopics(config));
      report.created().forEach(t -> LOG.info("created topic {}", t));
      report.differences().forEach(d -> LOG.warn("{} (left unchanged)", d.sentence()));
      requireCoPartitioned(admin, names);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "could not create the topics: " + e.getCause().getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating the topics", e);
    }
    try (SchemaRegistryClient registry =
        SchemaRegistryClients.forUrl(config.schemaRegistryUrl(), config.clientConfig())) {
      SchemaRegistration.registerAll(registry, names);
    }
  }

  /** Accesses, agreements and consents must be partitioned alike, or state lands in other tasks. */
  private static void requireCoPartitioned(Admin admin, TopicNames names)
      throws ExecutionException, InterruptedException {
    List<String> inputs = List.of(names.accessEvents(), names.agreements(), names.consents());
    Map<String, TopicDescription> described = admin.describeTopics(inputs).allTopicNames().get();
    int expected = described.get(names.accessEvents()).partitions().size();
    for (String topic : inputs) {
      int partitions = described.get(topic).partitions().size();
      if (partitions != expected) {
        throw new IllegalStateException(
            String.format(
                "topic %s has %d partitions but %s has %d: the access, agreement and consent"
                    + " topics must have the same number of partitions",
                topic, partitions, names.accessEvents(), expected));
      }
    }
  }
}
