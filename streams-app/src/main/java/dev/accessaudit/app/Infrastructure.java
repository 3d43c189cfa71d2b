package dev.accessaudit.app;

import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.embedded.EmbeddedKafka;

/**
 * Where Kafka and the schema registry are: as configured, or started in this JVM when no {@code
 * bootstrap.servers} is configured (embedded mode, data under {@code audit.data.dir}).
 */
interface Infrastructure extends AutoCloseable {
  String bootstrapServers();

  String schemaRegistryUrl();

  @Override
  void close();

  /** The configuration with this infrastructure's addresses filled in. */
  default AuditConfig applyTo(AuditConfig config) {
    return config
        .withClientProperty(AuditConfig.BOOTSTRAP_SERVERS, bootstrapServers())
        .withClientProperty(AuditConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl());
  }

  static Infrastructure start(AuditConfig config) {
    if (!config.embedded()) {
      return external(config.bootstrapServers(), config.schemaRegistryUrl());
    }
    EmbeddedKafka kafka = EmbeddedKafka.start(config.dataDir(), config.ports().kafka());
    return external(kafka.bootstrapServers(), config.schemaRegistryUrl(), kafka);
  }

  private static Infrastructure external(
      String bootstrap, String registry, AutoCloseable... owned) {
    return new Infrastructure() {
      @Override
      public String bootstrapServers() {
        return bootstrap;
      }

      @Override
      public String schemaRegistryUrl() {
        return registry;
      }

      @Override
      public void close() {
        try (Closer closer = new Closer()) {
          for (AutoCloseable resource : owned) {
            closer.register(resource);
          }
        }
      }
    };
  }
}
