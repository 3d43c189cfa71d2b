package dev.accessaudit.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.config.AuditConfigLoader;
import dev.accessaudit.config.InvalidConfigException;
import dev.accessaudit.streams.AuditFixtures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no bootstrap.servers, the application runs Kafka and the schema registry itself. */
class EmbeddedModeIT {
  @TempDir Path dataDir;

  @Test
  void shouldRunBrokerRegistryAndPipelineAndKeepSchemaIdsAcrossRestarts() throws Exception {
    AuditConfig config = config(freePort(), freePort());
    String firstIds;
    try (AuditApplication app = start(config)) {
      assertThat(app.bootstrapServers()).isEqualTo("localhost:" + config.ports().kafka());
      assertThat(get(app.schemaRegistryUrl() + "/subjects"))
          .contains(
              "visitor-data-access-value",
              "staff-agreements-value",
              "visitor-consents-value",
              "compliance-alerts-value");
      firstIds = get(app.schemaRegistryUrl() + "/subjects/compliance-alerts-value/versions/1");
    }

    try (AuditApplication app = start(config)) {
      assertThat(get(app.schemaRegistryUrl() + "/subjects/compliance-alerts-value/versions/1"))
          .isEqualTo(firstIds);
      assertThat(get("http://localhost:" + app.httpPort() + "/health")).contains("\"UP\"");
    }
  }

  @Test
  void shouldRefuseAnExternalKafkaWithoutARegistry() {
    AuditConfig config =
        AuditConfigLoader.load(
            Optional.empty(), Map.of("AUDIT_BOOTSTRAP_SERVERS", "localhost:1"), Map.of());

    assertThatThrownBy(
            () ->
                AuditApplication.start(config, AuditFixtures.agreementPolicy(), Clock.systemUTC()))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessageStartingWith("schema.registry.url is not set");
  }

  private static AuditApplication start(AuditConfig config) throws InterruptedException {
    AuditApplication app =
        AuditApplication.start(config, AuditFixtures.agreementPolicy(), Clock.systemUTC());
    assertThat(app.awaitRunning(Duration.ofSeconds(90))).as("pipeline RUNNING").isTrue();
    return app;
  }

  private AuditConfig config(int kafkaPort, int registryPort) {
    return AuditConfigLoader.load(
        Optional.empty(),
        Map.of(),
        Map.of(
            "audit.data.dir", dataDir.toString(),
            "audit.kafka.port", Integer.toString(kafkaPort),
            "audit.registry.port", Integer.toString(registryPort),
            "audit.http.port", "0"));
  }

  private static String get(String url) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
