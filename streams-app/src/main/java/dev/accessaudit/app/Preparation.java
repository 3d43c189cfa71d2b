package dev.accessaudit.app;

import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.registry.SchemaRegistryClient;
import dev.accessaudit.registry.SchemaRegistryClients;
import dev.accessaudit.streams.topology.TopicNames;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What must hold before Kafka Streams starts: every topic exists (a missing output topic costs a
 * minute of time-outs and aborted transactions) and the four value schemas are registered.
 */
final class Preparation {
  private static final Logger LOG = LoggerFactory.getLogger(Preparation.class);

  private Preparation() {}

  static void topicsAndSchemas(AuditConfig config, TopicNames names) {
    try (Admin admin = Clients.admin(config)) {
      TopicReport report = new TopicProvisioner(admin).provision(TopicSpec.contractTopics(config));
      report.created().forEach(t -> LOG.info("created topic {}", t));
      report.differences().forEach(d -> LOG.warn("{} (left unchanged)", d.sentence()));
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
}
