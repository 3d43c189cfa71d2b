package dev.accessaudit.app;

import static dev.accessaudit.streams.AuditFixtures.anAccessEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.config.AuditConfigLoader;
import dev.accessaudit.producers.AccessEventPublisher;
import dev.accessaudit.registry.SchemaRegistryClients;
import dev.accessaudit.streams.AuditFixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The pipeline against the apache/kafka image that docker-compose.yml uses. Skipped (not failed)
 * where Docker is not available.
 */
class DockerKafkaIT {
  private static final String REGISTRY = "mock://docker-kafka-it";
  private static KafkaContainer kafka;

  @TempDir Path dataDir;

  @BeforeAll
  static void startKafka() {
    assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "Docker is not available");
    kafka = new KafkaContainer("apache/kafka:4.4.0");
    kafka.start();
  }

  @AfterAll
  static void stopKafka() {
    if (kafka != null) {
      kafka.stop();
    }
    SchemaRegistryClients.dropMockScope("docker-kafka-it");
  }

  @Test
  void shouldRaiseAnAlertForAnAccessWithoutAgreement() throws Exception {
    AuditConfig config =
        AuditConfigLoader.load(
            Optional.empty(),
            Map.of(
                "AUDIT_BOOTSTRAP_SERVERS",
                kafka.getBootstrapServers(),
                "AUDIT_SCHEMA_REGISTRY_URL",
                REGISTRY,
                "AUDIT_DATA_DIR",
                dataDir.toString(),
                "AUDIT_HTTP_PORT",
                "0",
                "AUDIT_AGREEMENTS_GRACE",
                "0s"),
            Map.of());
    try (AuditApplication app =
        AuditApplication.start(config, AuditFixtures.agreementPolicy(), Clock.systemUTC())) {
      assertThat(app.awaitRunning(Duration.ofSeconds(60))).isTrue();
      try (AccessEventPublisher publisher =
          AccessEventPublisher.builder()
              .bootstrapServers(kafka.getBootstrapServers())
              .schemaRegistryUrl(REGISTRY)
              .build()) {
        publisher.publish(anAccessEvent().setStaffId("s-nobody").build()).get();
      }
      PipelineProbe probe = new PipelineProbe(kafka.getBootstrapServers(), REGISTRY);
      probe.awaitConsumed(config.applicationId(), "visitor-data-access");
      assertThat(probe.alerts("compliance-alerts"))
          .extracting(ComplianceAlert::getRuleId)
          .containsExactly("AGREEMENT_MISSING");
    }
  }
}
