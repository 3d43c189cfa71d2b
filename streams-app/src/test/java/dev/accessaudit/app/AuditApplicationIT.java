package dev.accessaudit.app;

import static dev.accessaudit.streams.AuditFixtures.anAccessEvent;
import static dev.accessaudit.streams.AuditFixtures.anAgreement;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.config.AuditConfigLoader;
import dev.accessaudit.producers.AccessEventPublisher;
import dev.accessaudit.producers.AgreementPublisher;
import dev.accessaudit.registry.SchemaRegistryClients;
import dev.accessaudit.streams.AuditFixtures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline against a real broker: agreements and events in, alerts out, and after a
 * restart nothing lost, nothing repeated, agreement history restored.
 */
class AuditApplicationIT {
  private static final String REGISTRY = "mock://audit-application-it";
  private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");

  private static TestBroker cluster;
  @TempDir Path dataDir;

  @BeforeAll
  static void startBroker() throws Exception {
    cluster = TestBroker.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    cluster.close();
    SchemaRegistryClients.dropMockScope("audit-application-it");
  }

  @Test
  void shouldRaiseEachAlertOnceAcrossARestartAndRememberRevocations() throws Exception {
    AuditConfig config = config();
    PipelineProbe probe = new PipelineProbe(cluster.bootstrapServers(), REGISTRY);

    try (AuditApplication app = start(config)) {
      assertThat(health(app)).isEqualTo(200);
      publishAgreements(
          anAgreement(AgreementStatus.ACTIVE, T.minus(Duration.ofDays(30)))
              .setStaffId("s-ok")
              .build(),
          anAgreement(AgreementStatus.ACTIVE, T.minus(Duration.ofDays(30)))
              .setStaffId("s-rev")
              .build(),
          anAgreement(AgreementStatus.REVOKED, T.plusSeconds(60)).setStaffId("s-rev").build());
      probe.awaitConsumed(config.applicationId(), "staff-agreements");
      publishEvents(event("e-1", "s-ok", T), event("e-2", "s-rev", T), event("e-3", "s-none", T));
      probe.awaitConsumed(config.applicationId(), "visitor-data-access");
      assertThat(probe.alerts("compliance-alerts"))
          .extracting(ComplianceAlert::getEventId, ComplianceAlert::getRuleId)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("e-3", "AGREEMENT_MISSING"));
    }

    try (AuditApplication app = start(config)) {
      assertThat(health(app)).isEqualTo(200);
      publishEvents(
          event("e-3", "s-none", T),
          event("e-4", "s-rev", T.plusSeconds(120)),
          event("e-5", "s-ok", T.plusSeconds(120)));
      probe.awaitConsumed(config.applicationId(), "visitor-data-access");
      assertThat(probe.alerts("compliance-alerts"))
          .extracting(ComplianceAlert::getEventId, ComplianceAlert::getRuleId)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("e-3", "AGREEMENT_MISSING"),
              org.assertj.core.groups.Tuple.tuple("e-4", "AGREEMENT_REVOKED"));
    }
  }

  private AuditApplication start(AuditConfig config) throws InterruptedException {
    AuditApplication app =
        AuditApplication.start(config, AuditFixtures.agreementPolicy(), Clock.systemUTC());
    assertThat(app.awaitRunning(Duration.ofSeconds(60))).as("pipeline RUNNING").isTrue();
    return app;
  }

  private AuditConfig config() {
    return AuditConfigLoader.load(
        Optional.empty(),
        Map.of(),
        Map.of(
            "bootstrap.servers", cluster.bootstrapServers(),
            "schema.registry.url", REGISTRY,
            "audit.data.dir", dataDir.toString(),
            "audit.http.port", "0",
            "audit.agreements.grace", "0s",
            "audit.topics.partitions", "2",
            "commit.interval.ms", "100"));
  }

  private static AccessEvent event(String id, String staff, Instant at) {
    return anAccessEvent().setEventId(id).setStaffId(staff).setOccurredAt(at).build();
  }

  private static void publishAgreements(dev.accessaudit.avro.StaffAgreement... agreements)
      throws Exception {
    try (AgreementPublisher publisher =
        AgreementPublisher.builder()
            .bootstrapServers(cluster.bootstrapServers())
            .schemaRegistryUrl(REGISTRY)
            .build()) {
      for (var a : agreements) {
        publisher.publish(a).get();
      }
    }
  }

  private static void publishEvents(AccessEvent... events) throws Exception {
    try (AccessEventPublisher publisher =
        AccessEventPublisher.builder()
            .bootstrapServers(cluster.bootstrapServers())
            .schemaRegistryUrl(REGISTRY)
            .build()) {
      for (AccessEvent e : events) {
        publisher.publish(e).get();
      }
    }
  }

  private static int health(AuditApplication app) throws Exception {
    URI uri = URI.create("http://localhost:" + app.httpPort() + "/health");
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
