package dev.accessaudit.app;

import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.config.InvalidConfigException;
import dev.accessaudit.embedded.EmbeddedKafka;
import dev.accessaudit.registry.server.KafkaRegistryStorage;
import dev.accessaudit.registry.server.SchemaRegistryServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

/**
 * Where Kafka and the schema registry are: as configured, or started in this JVM when no {@code
 * bootstrap.servers} is configured (embedded mode, data under {@code audit.data.dir}).
 */
interface Infrastructure extends AutoCloseable {
  /** Where the embedded registry keeps its schemas. */
  String SCHEMAS_TOPIC = "_schemas";

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
      if (!config.clientProperties().containsKey(AuditConfig.SCHEMA_REGISTRY_URL)) {
        throw new InvalidConfigException(
            "schema.registry.url is not set: with bootstrap.servers set, point it (or"
                + " AUDIT_SCHEMA_REGISTRY_URL) at your schema registry, e.g. http://registry:8081");
      }
      return external(config.bootstrapServers(), config.schemaRegistryUrl());
    }
    EmbeddedKafka kafka = EmbeddedKafka.start(config.dataDir(), config.ports().kafka());
    try {
      SchemaRegistryServer registry = startRegistry(kafka, config.ports().registry());
      String url = "http://localhost:" + registry.port();
      return external(kafka.bootstrapServers(), url, kafka, registry);
    } catch (RuntimeException e) {
      kafka.close();
      throw e;
    }
  }

  /** The schema registry on localhost, its schemas kept in the compacted topic {@code _schemas}. */
  private static SchemaRegistryServer startRegistry(EmbeddedKafka kafka, int port) {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(address);
    } catch (IOException e) {
      throw new IllegalStateException(
          "port "
              + port
              + " is already in use: stop the other schema registry or set"
              + " audit.registry.port");
    }
    Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
    KafkaRegistryStorage storage =
        KafkaRegistryStorage.open(client, SCHEMAS_TOPIC, (short) 1, Duration.ofSeconds(30));
    try {
      return SchemaRegistryServer.start(address, storage);
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
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
