package dev.accessaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.app.TestBroker;
import dev.accessaudit.avro.AccessAction;
import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.DataCategory;
import dev.accessaudit.avro.Severity;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.registry.SchemaRegistryClients;
import dev.accessaudit.serde.AvroSerdes;
import dev.accessaudit.streams.AuditFixtures;
import dev.accessaudit.streams.judgement.AlertIds;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The client commands against a real broker and an in-memory registry. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandsIT {
  private static final String SCOPE = "commands-it";
  private static TestBroker cluster;
  private static Map<String, String> env;

  @TempDir Path dir;

  @BeforeAll
  static void startBroker() throws Exception {
    cluster = TestBroker.start();
    env =
        Map.of(
            "AUDIT_BOOTSTRAP_SERVERS",
            cluster.bootstrapServers(),
            "AUDIT_SCHEMA_REGISTRY_URL",
            "mock://" + SCOPE);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    cluster.close();
    SchemaRegistryClients.dropMockScope(SCOPE);
  }

  @Test
  @Order(1)
  void shouldCreateTopicsOnceAndThenReportThemAsExpected() {
    CliRun first = CliRun.run(env, "topics");
    CliRun second = CliRun.run(env, "topics");

    assertThat(first.exitCode()).isZero();
    assertThat(first.out())
        .contains("created topic visitor-data-access (3 partitions, kept forever)")
        .contains("created topic visitor-data-access-dlq");
    assertThat(second.exitCode()).isZero();
    assertThat(second.out())
        .contains("topic staff-agreements exists with the expected settings")
        .doesNotContain("created");
  }

  @Test
  @Order(2)
  void shouldPublishAValidAgreementsFile() throws Exception {
    Path file =
        Files.write(
            dir.resolve("staff.csv"),
            List.of(
                "staffId,status,employment,effectiveFrom,expiresAt,agreementId,source",
                "s-0042,ACTIVE,EMPLOYEE,2026-01-05T09:00:00Z,,NDA-42,hr-system",
                "s-0043,REVOKED,CONTRACTOR,2026-02-01T00:00:00Z,,,hr-system"));

    CliRun run = CliRun.run(env, "agreements", "--file", file.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("published 2 staff agreements to staff-agreements\n");
    assertThat(readAgreements())
        .extracting(StaffAgreement::getStaffId)
        .containsExactlyInAnyOrder("s-0042", "s-0043");
  }

  @Test
  @Order(3)
  void shouldPrintAlertsFilteredBySeverityRuleAndTime() throws Exception {
    Instant t = Instant.parse("2026-03-01T09:00:00Z");
    publishAlerts(
        alert("a-1", "AGREEMENT_MISSING", Severity.CRITICAL, t),
        alert("a-2", "AGREEMENT_EXPIRED", Severity.HIGH, t.plusSeconds(60)),
        alert("a-3", "BULK_ACCESS", Severity.LOW, t.plusSeconds(120)));

    CliRun all = CliRun.run(env, "alerts");
    CliRun high = CliRun.run(env, "alerts", "--severity", "high", "--format", "json");
    CliRun rule =
        CliRun.run(
            env,
            "alerts",
            "--rule",
            "AGREEMENT_EXPIRED,BULK_ACCESS",
            "--from",
            "2026-03-01T09:01:30Z");

    assertThat(all.exitCode()).as(all.err()).isZero();
    assertThat(all.out().lines()).hasSize(3);
    assertThat(all.out())
        .containsPattern(
            "2026-03-01T09:00:00Z  CRITICAL  AGREEMENT_MISSING +staff s-0042 +visitor v-1 ");
    assertThat(high.out().lines())
        .hasSize(2)
        .allSatisfy(
            l ->
                assertThat(l)
                    .startsWith("{\"alertId\":\"a-")
                    .contains("\"occurredAt\":\"2026-03-01T09:0"));
    assertThat(rule.out().lines()).singleElement().asString().contains("BULK_ACCESS");
  }

  @Test
  @Order(4)
  void shouldPublishSimulatedTrafficForTheGivenDuration() {
    CliRun run =
        CliRun.run(
            env,
            Clock.systemUTC(),
            new ArrayList<>(),
            "simulate",
            "--rate",
            "50",
            "--duration",
            "1s",
            "--seed",
            "3");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("published 50 access events (").endsWith("(seed 3)\n");
  }

  @Test
  @Order(5)
  void shouldFollowAlertsUntilStoppedAndThenExitZero() throws Exception {
    List<Runnable> stops = new CopyOnWriteArrayList<>();
    StringWriter out = new StringWriter();
    CliContext context = new CliContext(env, Clock.systemUTC(), false, stops::add);
    var run =
        CompletableFuture.supplyAsync(
            () ->
                AuditCli.run(
                    new String[] {"alerts", "--follow"},
                    context,
                    new PrintWriter(out, true),
                    new PrintWriter(new StringWriter(), true)));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while ((stops.isEmpty() || out.toString().lines().count() < 3)
        && System.nanoTime() < deadline) {
      LockSupport.parkNanos(20_000_000L);
    }

    stops.forEach(Runnable::run);

    assertThat(run.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString().lines()).hasSize(3);
  }

  @Test
  @Order(6)
  void shouldDiffAReplayWithThePublishedAlertsAndListWhoAccessedAVisitor() throws Exception {
    Instant t = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(2));
    AccessEvent first = access("e-901", t);
    AccessEvent second = access("e-902", t.plusSeconds(60));
    publishAccesses(first, second);
    ComplianceAlert publishedLow =
        ComplianceAlert.newBuilder(alert("x", "AGREEMENT_MISSING", Severity.LOW, t))
            .setAlertId(AlertIds.of("e-901", "AGREEMENT_MISSING"))
            .setEventId("e-901")
            .setStaffId("s-0099")
            .setVisitorId("v-77")
            .build();
    ComplianceAlert ofAnAccessNotReplayed =
        ComplianceAlert.newBuilder(publishedLow)
            .setAlertId(AlertIds.of("e-999", "AGREEMENT_MISSING"))
            .setEventId("e-999")
            .build();
    publishAlerts(publishedLow, ofAnAccessNotReplayed);
    String[] period = {
      "--from", t.minusSeconds(1).toString(), "--to", t.plus(Duration.ofHours(1)).toString()
    };

    CliRun diff = CliRun.run(env, concat("replay", period, "--diff", "--format", "json"));
    CliRun csv = CliRun.run(env, concat("replay", period, "--format", "csv"));
    CliRun who = CliRun.run(env, concat("who-accessed", period, "--visitor", "v-77"));

    assertThat(diff.exitCode()).as(diff.err()).isZero();
    assertThat(diff.out())
        .contains("\"events\":2")
        .contains("\"publishedAlerts\":1")
        .contains("\"replayedAlerts\":2")
        .contains("\"added\":1,\"removed\":0,\"changed\":1")
        .contains("\"added\":[\"e-902\"]")
        .contains("\"changed\":[\"e-901 (severity, ");
    assertThat(csv.exitCode()).as(csv.err()).isZero();
    assertThat(csv.out().split("\r\n")).hasSize(3);
    assertThat(who.exitCode()).as(who.err()).isZero();
    assertThat(who.out()).contains("2 accesses by 1 staff members; 2 of them raised alerts");
  }

  private static String[] concat(String command, String[] period, String... more) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of(period));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static AccessEvent access(String eventId, Instant at) {
    return AuditFixtures.anAccessEvent()
        .setEventId(eventId)
        .setOccurredAt(at)
        .setStaffId("s-0099")
        .setVisitorId("v-77")
        .build();
  }

  private static void publishAccesses(AccessEvent... accesses) throws Exception {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers",
            cluster.bootstrapServers(),
            "schema.registry.url",
            "mock://" + SCOPE);
    var values = AvroSerdes.valueSerde(AccessEvent.class, config).serializer();
    try (var producer = new KafkaProducer<>(config, new StringSerializer(), values)) {
      for (AccessEvent a : accesses) {
        producer
            .send(
                new ProducerRecord<>(
                    "visitor-data-access",
                    null,
                    a.getOccurredAt().toEpochMilli(),
                    a.getStaffId(),
                    a))
            .get();
      }
    }
  }

  private static ComplianceAlert alert(String id, String rule, Severity severity, Instant at) {
    return ComplianceAlert.newBuilder()
        .setAlertId(id)
        .setRuleId(rule)
        .setSeverity(severity)
        .setSummary("staff member s-0042 viewed contact info of v-1 without an agreement")
        .setPolicyVersion("2009")
        .setPolicyClause("clause")
        .setEventId("e-" + id)
        .setOccurredAt(at)
        .setStaffId("s-0042")
        .setVisitorId("v-1")
        .setService("crm")
        .setCategory(DataCategory.CONTACT_INFO)
        .setAction(AccessAction.VIEW)
        .setPurpose(AccessPurpose.CUSTOMER_CONTACT)
        .setAgreementStatus(AgreementStatus.REVOKED)
        .setAgreementEffectiveFrom(null)
        .setDetectedAt(at.plusSeconds(1))
        .setDetails(Map.of())
        .build();
  }

  private static void publishAlerts(ComplianceAlert... alerts) throws Exception {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers",
            cluster.bootstrapServers(),
            "schema.registry.url",
            "mock://" + SCOPE);
    var values = AvroSerdes.valueSerde(ComplianceAlert.class, config).serializer();
    try (var producer = new KafkaProducer<>(config, new StringSerializer(), values)) {
      for (ComplianceAlert a : alerts) {
        producer
            .send(
                new ProducerRecord<>(
                    "compliance-alerts", null, a.getOccurredAt().toEpochMilli(), a.getStaffId(), a))
            .get();
      }
    }
  }

  private static List<StaffAgreement> readAgreements() {
    Map<String, Object> config =
        Map.of(
            "bootstrap.servers",
            cluster.bootstrapServers(),
            "schema.registry.url",
            "mock://" + SCOPE);
    var values = AvroSerdes.valueSerde(StaffAgreement.class, config).deserializer();
    List<StaffAgreement> read = new ArrayList<>();
    try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor("staff-agreements").stream()
              .map(p -> new TopicPartition("staff-agreements", p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(100)).forEach(r -> read.add(r.value()));
      }
    }
    return read;
  }
}
