package dev.accessaudit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void shouldUseDocumentedDefaultsWhenNothingIsConfigured() {
    AuditConfig config = AuditConfig.defaults();

    assertThat(config.embedded()).isTrue();
    assertThat(config.bootstrapServers()).isEqualTo("localhost:9092");
    assertThat(config.schemaRegistryUrl()).isEqualTo("http://localhost:8081");
    assertThat(config.applicationId()).isEqualTo("access-audit");
    assertThat(config.topics())
        .isEqualTo(
            new AuditConfig.TopicSettings(
                "visitor-data-access",
                "staff-agreements",
                "visitor-consents",
                "compliance-alerts",
                "visitor-data-access-dlq",
                "audit-state-dlq",
                3,
                Optional.empty()));
    assertThat(config.dedupWindow()).isEqualTo(Duration.ofDays(7));
    assertThat(config.agreementsGrace()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.historyRetention()).isEqualTo(Duration.ofDays(36500));
    assertThat(config.correctionHorizon()).isEqualTo(Duration.ofHours(24));
    assertThat(config.maxScheduleAhead()).isEqualTo(Duration.ofDays(366));
    assertThat(config.policyFile()).isEmpty();
    assertThat(config.ports()).isEqualTo(new AuditConfig.Ports(8080, 8081, 9092));
    assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(config.stateDir()).isEqualTo(Path.of("./data/streams"));
    assertThat(config.clientProperties()).isEmpty();
  }

  @Test
  void shouldLetTheFileOverrideDefaultsAndTheEnvironmentOverrideTheFile() throws IOException {
    Path file =
        write(
            "bootstrap.servers=kafka:9092",
            "audit.dedup.window=1d",
            "audit.agreements.grace=5s",
            "security.protocol=SASL_SSL");

    AuditConfig config =
        AuditConfigLoader.load(
            Optional.of(file),
            Map.of("AUDIT_DEDUP_WINDOW", "2h", "AUDIT_BOOTSTRAP_SERVERS", "other:9093"),
            Map.of());

    assertThat(config.dedupWindow()).isEqualTo(Duration.ofHours(2));
    assertThat(config.agreementsGrace()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.bootstrapServers()).isEqualTo("other:9093");
    assertThat(config.embedded()).isFalse();
    assertThat(config.clientProperties()).containsEntry("security.protocol", "SASL_SSL");
  }

  @Test
  void shouldLetCommandLineOverridesWinOverEverything() throws IOException {
    Path file = write("audit.data.dir=/from/file");

    AuditConfig config =
        AuditConfigLoader.load(
            Optional.of(file),
            Map.of("AUDIT_DATA_DIR", "/from/env"),
            Map.of("audit.data.dir", "/from/cli"));

    assertThat(config.dataDir()).isEqualTo(Path.of("/from/cli"));
    assertThat(config.stateDir()).isEqualTo(Path.of("/from/cli/streams"));
  }

  @Test
  void shouldMapEnvironmentVariablesByTheDocumentedRule() {
    assertThat(AuditConfigLoader.keyForEnv("AUDIT_BOOTSTRAP_SERVERS"))
        .contains("bootstrap.servers");
    assertThat(AuditConfigLoader.keyForEnv("AUDIT_SCHEMA_REGISTRY_URL"))
        .contains("schema.registry.url");
    assertThat(AuditConfigLoader.keyForEnv("AUDIT_SECURITY_PROTOCOL"))
        .contains("security.protocol");
    assertThat(AuditConfigLoader.keyForEnv("AUDIT_SASL_JAAS_CONFIG")).contains("sasl.jaas.config");
    assertThat(AuditConfigLoader.keyForEnv("AUDIT_DEDUP_WINDOW")).contains("audit.dedup.window");
    assertThat(AuditConfigLoader.keyForEnv("AUDIT_AUDIT_DEDUP_WINDOW"))
        .contains("audit.dedup.window");
    assertThat(AuditConfigLoader.keyForEnv("AUDIT_TOPIC_ACCESS_EVENTS"))
        .contains("audit.topic.access-events");
    assertThat(AuditConfigLoader.keyForEnv("AUDIT_TOPICS_REPLICATION_FACTOR"))
        .contains("audit.topics.replication.factor");
    assertThat(AuditConfigLoader.keyForEnv("PATH")).isEmpty();
    assertThat(AuditConfigLoader.keyForEnv("AUDIT_")).isEmpty();
  }

  @Test
  void shouldPassKafkaClientSettingsThroughUnchanged() throws IOException {
    Path file =
        write(
            "bootstrap.servers=broker:9092",
            "sasl.mechanism=PLAIN",
            "ssl.truststore.location=/etc/trust.jks",
            "basic.auth.user.info=u:p");

    AuditConfig config = AuditConfigLoader.load(Optional.of(file), Map.of(), Map.of());

    assertThat(config.clientProperties())
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("ssl.truststore.location", "/etc/trust.jks")
        .containsEntry("basic.auth.user.info", "u:p")
        .doesNotContainKeys("audit.dedup.window", "audit.http.port");
    assertThat(config.clientConfig())
        .containsEntry("bootstrap.servers", "broker:9092")
        .containsEntry("schema.registry.url", "http://localhost:8081");
  }

  @Test
  void shouldDefaultTheStateDirectoryUnderTheDataDirectoryUnlessSet() {
    AuditConfig config =
        AuditConfigLoader.load(Optional.empty(), Map.of("AUDIT_STATE_DIR", "/var/state"), Map.of());

    assertThat(config.stateDir()).isEqualTo(Path.of("/var/state"));
  }

  @Test
  void shouldAcceptAnExplicitReplicationFactorAndIsoDurations() {
    AuditConfig config =
        AuditConfigLoader.load(
            Optional.empty(),
            Map.of("AUDIT_TOPICS_REPLICATION_FACTOR", "3", "AUDIT_AGREEMENTS_GRACE", "PT0S"),
            Map.of());

    assertThat(config.topics().replicationFactor()).contains((short) 3);
    assertThat(config.agreementsGrace()).isZero();
  }

  @Test
  void shouldFailWithASentenceWhenTheFileIsMissing() {
    Path missing = dir.resolve("nope.properties");

    assertThatThrownBy(() -> AuditConfigLoader.load(Optional.of(missing), Map.of(), Map.of()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(
            "config file " + missing + " does not exist; check the path given with --config");
  }

  @Test
  void shouldTreatABlankBootstrapServersAsEmbedded() {
    AuditConfig config =
        AuditConfigLoader.load(Optional.empty(), Map.of("AUDIT_BOOTSTRAP_SERVERS", " "), Map.of());

    assertThat(config.embedded()).isTrue();
  }

  private Path write(String... lines) throws IOException {
    return Files.write(dir.resolve("audit.properties"), java.util.List.of(lines));
  }
}
