package dev.accessaudit.app;

import static dev.accessaudit.streams.AuditFixtures.anAccessEvent;
import static dev.accessaudit.streams.AuditFixtures.anAgreement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.config.AuditConfigLoader;
import dev.accessaudit.interop.NodeInterop;
import dev.accessaudit.streams.errors.DeadLetters;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": a client outside the project (KafkaJS plus Confluent's JS Avro serdes,
 * src/test/node/external-client.js) pointed at the embedded broker and registry publishes an
 * agreement, events and an undecodable record, and reads the alerts (read_committed) and the dead
 * letter exactly as the contract describes, also after a restart on the same data directory.
 * Skipped without Node.js, npm or an npm registry.
 */
class ExternalClientIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T = Instant.parse("2026-03-01T09:00:00Z");
  private static final String STAFF = "s-external";
  private static final byte[] JUNK = "not an Avro record".getBytes(StandardCharsets.UTF_8);
  private static NodeInterop.Setup node;

  @TempDir Path dataDir;
  @TempDir Path files;

  @BeforeAll
  static void installJsClients() throws Exception {
    node = NodeInterop.prepare();
  }

  @Test
  void shouldServeAKafkaJsClientWithConfluentsSerdesAsTheContractSays() throws Exception {
    NodeInterop.assumeReady(node);
    AuditConfig config = config(freePort(), freePort());
    StaffAgreement revoked =
        anAgreement(AgreementStatus.REVOKED, T.minus(Duration.ofDays(1))).setStaffId(STAFF).build();
    AccessEvent first = event("evt-external-1", T);
    AccessEvent second = event("evt-external-2", T.plusSeconds(60));

    int partition = partitionOf(STAFF, config.topics().partitions());

    JsonNode firstRun;
    try (AuditApplication app = start(config)) {
      firstRun = runClient(app, config, List.of(revoked), List.of(first), true);

      assertThat(firstRun.get("produced"))
          .as("KafkaJS partitions by key as the Java client does")
          .allSatisfy(r -> assertThat(r.get("partition").asInt()).isEqualTo(partition));
      assertThat(alerts(firstRun))
          .extracting(
              a -> a.get("key").asText(),
              a -> a.get("partition").asInt(),
              a -> a.get("ruleId").asText(),
              a -> a.get("eventId").asText(),
              a -> a.get("staffId").asText(),
              a -> a.get("agreementStatus").asText())
          .containsExactly(
              tuple(STAFF, partition, "AGREEMENT_REVOKED", "evt-external-1", STAFF, "REVOKED"));
      assertThat(alertId(firstRun, "evt-external-1")).isNotBlank();
      assertTheJunkIsTheOnlyDeadLetter(firstRun, firstRun);
    }

    try (AuditApplication app = start(config)) {
      JsonNode run = runClient(app, config, List.of(), List.of(second, first), false);

      assertThat(alerts(run))
          .as("the re-published event raises nothing new")
          .extracting(
              a -> a.get("key").asText(),
              a -> a.get("partition").asInt(),
              a -> a.get("ruleId").asText(),
              a -> a.get("eventId").asText())
          .containsExactlyInAnyOrder(
              tuple(STAFF, partition, "AGREEMENT_REVOKED", "evt-external-1"),
              tuple(STAFF, partition, "AGREEMENT_REVOKED", "evt-external-2"));
      assertThat(alertId(run, "evt-external-1")).isEqualTo(alertId(firstRun, "evt-external-1"));
      assertThat(alertId(run, "evt-external-2"))
          .isNotBlank()
          .isNotEqualTo(alertId(run, "evt-external-1"));
      assertTheJunkIsTheOnlyDeadLetter(run, firstRun);
    }
  }

  /** The dead letter of {@code run} is the junk record published in {@code publishing}. */
  private static void assertTheJunkIsTheOnlyDeadLetter(JsonNode run, JsonNode publishing) {
    JsonNode junk =
        StreamSupport.stream(publishing.get("produced").spliterator(), false)
            .filter(r -> r.path("junk").asBoolean())
            .findFirst()
            .orElseThrow();
    assertThat(run.get("deadLetters")).hasSize(1);
    JsonNode dead = run.get("deadLetters").get(0);
    HexFormat hex = HexFormat.of();
    assertThat(dead.get("key").asText())
        .isEqualTo(hex.formatHex(STAFF.getBytes(StandardCharsets.UTF_8)));
    assertThat(dead.get("value").asText()).isEqualTo(hex.formatHex(JUNK));
    JsonNode headers = dead.get("headers");
    List<String> names = new ArrayList<>();
    headers.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .contains(
            DeadLetters.REASON,
            DeadLetters.STAGE,
            DeadLetters.SOURCE_TOPIC,
            DeadLetters.SOURCE_PARTITION,
            DeadLetters.SOURCE_OFFSET);
    assertThat(headers.get(DeadLetters.STAGE).asText()).isEqualTo("deserialize");
    assertThat(headers.get(DeadLetters.REASON).asText()).isNotBlank();
    assertThat(headers.get(DeadLetters.SOURCE_TOPIC).asText()).isEqualTo("visitor-data-access");
    assertThat(headers.get(DeadLetters.SOURCE_PARTITION).asText())
        .isEqualTo(junk.get("partition").asText());
    assertThat(headers.get(DeadLetters.SOURCE_OFFSET).asText())
        .isEqualTo(junk.get("offset").asText());
  }

  private JsonNode runClient(
      AuditApplication app,
      AuditConfig config,
      List<StaffAgreement> agreements,
      List<AccessEvent> events,
      boolean junk)
      throws Exception {
    AuditConfig.TopicSettings topics = config.topics();
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("bootstrap", app.bootstrapServers());
    spec.put("registryUrl", app.schemaRegistryUrl());
    spec.put("groupId", config.applicationId());
    spec.put("timeoutMs", 40_000);
    spec.put(
        "topics",
        Map.of(
            "agreements", topics.agreements(),
            "accessEvents", topics.accessEvents(),
            "alerts", topics.alerts(),
            "deadLetter", topics.deadLetter()));
    spec.put("agreements", agreements.stream().map(NodeInterop::asJsObject).toList());
    spec.put("events", events.stream().map(NodeInterop::asJsObject).toList());
    spec.put(
        "junk",
        junk ? List.of(Map.of("key", STAFF, "hex", HexFormat.of().formatHex(JUNK))) : List.of());
    Path file = files.resolve("spec-" + System.nanoTime() + ".json");
    JSON.writeValue(file.toFile(), spec);
    String out =
        NodeInterop.script(node.work(), "external-client.js", 60, file.toAbsolutePath().toString());
    return JSON.readTree(out);
  }

  private static String alertId(JsonNode run, String eventId) {
    return alerts(run).stream()
        .filter(a -> a.get("eventId").asText().equals(eventId))
        .map(a -> a.get("alertId").asText())
        .findFirst()
        .orElseThrow();
  }

  private static List<JsonNode> alerts(JsonNode run) {
    return StreamSupport.stream(run.get("alerts").spliterator(), false).toList();
  }

  /** The partition Kafka's Java producer picks for a key: murmur2, as KafkaJS must too. */
  private static int partitionOf(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  private static AccessEvent event(String id, Instant at) {
    return anAccessEvent().setEventId(id).setStaffId(STAFF).setOccurredAt(at).build();
  }

  /** As {@code ./audit start} does: the configured (here the shipped default) policy. */
  private static AuditApplication start(AuditConfig config) throws InterruptedException {
    AuditApplication app = AuditApplication.start(config, Policies.of(config), Clock.systemUTC());
    assertThat(app.awaitRunning(Duration.ofSeconds(60))).as("pipeline RUNNING").isTrue();
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
            "audit.http.port", "0",
            "audit.agreements.grace", "0s"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
