package dev.accessaudit.streams.topology;

import static dev.accessaudit.streams.AuditFixtures.agreementPolicy;
import static dev.accessaudit.streams.AuditFixtures.anAccessEvent;
import static dev.accessaudit.streams.AuditFixtures.anAgreement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.accessaudit.app.TestBroker;
import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.AlertStatus;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.registry.SchemaRegistryClients;
import dev.accessaudit.streams.errors.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topology under exactly_once_v2 on a real in-process KRaft broker, three partitions: dead
 * letters are committed even when nothing valid follows them, and duplicates raise one alert.
 */
class ExactlyOncePipelineIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static TestBroker cluster;

  private final TopicNames names = TopicNames.defaults();
  private static final String SCOPE = "eos-it-" + UUID.randomUUID();
  private final Map<String, String> serdeConfig = Map.of("schema.registry.url", "mock://" + SCOPE);
  private final AuditTopics topics = AuditTopics.create(names, serdeConfig);
  private KafkaStreams streams;

  @TempDir Path stateDir;

  @BeforeAll
  static void startBroker() throws Exception {
    cluster = TestBroker.start();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
      List<NewTopic> newTopics = new ArrayList<>();
      for (String topic : TopicNames.defaults().all()) {
        newTopics.add(new NewTopic(topic, 3, (short) 1));
      }
      admin.createTopics(newTopics).all().get();
    }
  }

  @AfterAll
  static void stopBroker() throws Exception {
    cluster.close();
    SchemaRegistryClients.dropMockScope(SCOPE);
  }

  @AfterEach
  void stopStreams() {
    if (streams != null) {
      streams.close(Duration.ofSeconds(30));
    }
  }

  @Test
  void shouldCommitDeadLetterWhenNothingValidFollows() throws Exception {
    startPipeline(Duration.ZERO);
    byte[] junk = "not avro at all".getBytes(StandardCharsets.UTF_8);
    sendRaw("s-9", junk);

    ConsumerRecord<byte[], byte[]> letter = pollOne(names.deadLetter());

    assertThat(letter.value()).isEqualTo(junk);
    assertThat(
            new String(
                letter.headers().lastHeader(DeadLetters.STAGE).value(), StandardCharsets.UTF_8))
        .isEqualTo("deserialize");
  }

  @Test
  void shouldRaiseEachAlertOnceAcrossPartitionsWithDuplicates() throws Exception {
    startPipeline(PipelineOptions.defaults().grace());
    Instant t = Instant.parse("2026-03-01T10:00:00Z");
    List<String> staff = List.of("s-a", "s-b", "s-c", "s-d", "s-e", "s-f");
    for (String id : staff) {
      send(
          names.agreements(),
          id,
          anAgreement(AgreementStatus.REVOKED, t.minusSeconds(60)).setStaffId(id).build(),
          t);
    }
    for (String id : staff) {
      AccessEvent event =
          anAccessEvent().setEventId("e-" + id).setStaffId(id).setOccurredAt(t).build();
      send(names.accessEvents(), id, event, t);
      send(names.accessEvents(), id, event, t);
    }

    List<ComplianceAlert> alerts = pollAlerts(staff.size(), staff.toArray(String[]::new));

    assertThat(alerts).extracting(ComplianceAlert::getRuleId).containsOnly("AGREEMENT_REVOKED");
    assertThat(alerts)
        .extracting(ComplianceAlert::getStaffId)
        .containsExactlyInAnyOrderElementsOf(staff);
  }

  @Test
  void shouldJudgeEveryAccessAcrossARestartWithTheDefaultOptions() throws Exception {
    String appId = "eos-restart-" + UUID.randomUUID();
    Instant t = Instant.parse("2026-03-01T10:00:00Z");
    startPipeline(PipelineOptions.defaults().grace(), appId);
    send(names.accessEvents(), "s-r", access("r-a", t), t);
    send(names.accessEvents(), "s-r", access("r-b", t.plusSeconds(3600)), t.plusSeconds(3600));
    assertThat(pollAlerts(2, "s-r"))
        .extracting(ComplianceAlert::getEventId)
        .containsExactly("r-a", "r-b");
    streams.close(Duration.ofSeconds(30));

    startPipeline(PipelineOptions.defaults().grace(), appId);
    Instant later = t.plus(Duration.ofDays(1));
    send(names.accessEvents(), "s-r", access("r-b", t.plusSeconds(3600)), t.plusSeconds(3600));
    send(names.accessEvents(), "s-r", access("r-c", later), later);

    assertThat(pollAlerts(3, "s-r"))
        .extracting(ComplianceAlert::getEventId)
        .containsExactly("r-a", "r-b", "r-c");
  }

  /**
   * The time-model issue's first reproduction, on a backlog: an agreement scheduled 50 minutes
   * ahead, then one effective 30 days ago for another staff member on the same partition, then a
   * revocation, then the accesses, all published before the pipeline starts (record timestamps:
   * publish times). Every state record published before an access is used for it.
   */
  @Test
  void shouldUseEveryAgreementPublishedBeforeTheAccessesWhenStartingOnABacklog() throws Exception {
    // s-bx, s-by1 and s-bx2 all land on partition 1 of 3 (murmur2), so they queue behind each other
    Instant t = Instant.parse("2026-03-01T10:00:00Z");
    send(
        names.agreements(),
        "s-bx",
        anAgreement(AgreementStatus.ACTIVE, t.plus(Duration.ofMinutes(50)))
            .setStaffId("s-bx")
            .build(),
        t.minusSeconds(3));
    send(
        names.agreements(),
        "s-by1",
        anAgreement(AgreementStatus.ACTIVE, t.minus(Duration.ofDays(30)))
            .setStaffId("s-by1")
            .build(),
        t.minusSeconds(2));
    send(
        names.agreements(),
        "s-bx2",
        anAgreement(AgreementStatus.REVOKED, t.minus(Duration.ofDays(1)))
            .setStaffId("s-bx2")
            .build(),
        t.minusSeconds(1));
    for (int i = 0; i < 5; i++) {
      Instant at = t.plusSeconds(i);
      send(
          names.accessEvents(),
          "s-by1",
          anAccessEvent().setEventId("by-" + i).setStaffId("s-by1").setOccurredAt(at).build(),
          at);
    }
    send(
        names.accessEvents(),
        "s-bx2",
        anAccessEvent().setEventId("bz-1").setStaffId("s-bx2").setOccurredAt(t).build(),
        t);
    startPipeline(PipelineOptions.defaults().grace());

    assertThat(pollAlerts(1, "s-by1", "s-bx2"))
        .extracting(ComplianceAlert::getEventId, ComplianceAlert::getRuleId)
        .containsExactly(tuple("bz-1", "AGREEMENT_REVOKED"));
  }

  /**
   * Corrections survive a restart from an empty state directory: the judged accesses are restored
   * from their changelog, so a revocation published late raises the alert, and a signature
   * published late retracts AGREEMENT_MISSING.
   */
  @Test
  void shouldCorrectAlertsWithStateRecordsPublishedLateAfterARestart() throws Exception {
    String appId = "eos-correct-" + UUID.randomUUID();
    Instant t = Instant.parse("2026-03-01T10:00:00Z");
    startPipeline(Duration.ZERO, appId);
    send(
        names.agreements(),
        "s-rv",
        anAgreement(AgreementStatus.ACTIVE, t.minus(Duration.ofDays(30)))
            .setStaffId("s-rv")
            .build(),
        t.minusSeconds(60));
    send(names.accessEvents(), "s-rv", corrected("rv-1", "s-rv", t), t);
    send(names.accessEvents(), "s-ms", corrected("ms-1", "s-ms", t), t);
    assertThat(pollAlerts(1, "s-rv", "s-ms"))
        .extracting(ComplianceAlert::getEventId, ComplianceAlert::getStatus)
        .containsExactly(tuple("ms-1", AlertStatus.RAISED));
    streams.close(Duration.ofSeconds(30));
    Utils.delete(stateDir.resolve(appId).toFile());

    startPipeline(Duration.ZERO, appId);
    Instant late = t.plus(Duration.ofMinutes(10));
    send(
        names.agreements(),
        "s-rv",
        anAgreement(AgreementStatus.REVOKED, t.minusSeconds(60)).setStaffId("s-rv").build(),
        late);
    send(
        names.agreements(),
        "s-ms",
        anAgreement(AgreementStatus.ACTIVE, t.minus(Duration.ofDays(1))).setStaffId("s-ms").build(),
        late);

    List<ComplianceAlert> alerts = pollAlerts(3, "s-rv", "s-ms");
    assertThat(alerts)
        .extracting(
            ComplianceAlert::getEventId, ComplianceAlert::getRuleId, ComplianceAlert::getStatus)
        .containsExactlyInAnyOrder(
            tuple("ms-1", "AGREEMENT_MISSING", AlertStatus.RAISED),
            tuple("ms-1", "AGREEMENT_MISSING", AlertStatus.RETRACTED),
            tuple("rv-1", "AGREEMENT_REVOKED", AlertStatus.RAISED));
  }

  private static AccessEvent corrected(String eventId, String staff, Instant at) {
    return anAccessEvent().setEventId(eventId).setStaffId(staff).setOccurredAt(at).build();
  }

  @Test
  void shouldJudgeBufferedAccessesOnceAfterARestartFromAnEmptyStateDirectory() throws Exception {
    String appId = "eos-buffer-" + UUID.randomUUID();
    Instant t = Instant.parse("2026-03-01T10:00:00Z");
    startPipeline(Duration.ofMinutes(10), appId);
    send(names.accessEvents(), "s-held", held("held-a", t), t);
    send(names.accessEvents(), "s-held", held("held-b", t.plusSeconds(1)), t.plusSeconds(1));
    awaitChangelogRecords(appId + "-" + AuditTopology.AGREEMENT_BUFFER + "-changelog", 2);
    streams.close(Duration.ofSeconds(30));
    Utils.delete(stateDir.resolve(appId).toFile());

    // The grace is 10 minutes of stream time: only the restored buffer and a later access can
    // release the two held accesses, so each alert below proves the restore kept them, in order.
    startPipeline(Duration.ofMinutes(10), appId);
    awaitRunning(); // a restarted member waits out the old one's session first
    Instant later = t.plus(Duration.ofHours(1));
    send(names.accessEvents(), "s-held", held("later", later), later);

    assertThat(pollAlerts(2, "s-held"))
        .extracting(ComplianceAlert::getEventId)
        .containsExactly("held-a", "held-b");
  }

  private void awaitRunning() {
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING && System.nanoTime() < end) {
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
    assertThat(streams.state()).isEqualTo(KafkaStreams.State.RUNNING);
  }

  /** Waits until the changelog topic holds {@code count} records: the accesses are buffered. */
  private void awaitChangelogRecords(String topic, long count) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
      long end = System.nanoTime() + DEADLINE.toNanos();
      while (System.nanoTime() < end) {
        if (endOffsets(admin, topic) >= count) {
          return;
        }
        LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
      }
      throw new AssertionError(topic + " did not reach " + count + " records");
    }
  }

  /** The sum of the topic's end offsets; 0 while Kafka Streams has not created it yet. */
  private static long endOffsets(Admin admin, String topic) throws InterruptedException {
    try {
      return TestBroker.endOffsets(admin, topic);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return 0;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static AccessEvent held(String eventId, Instant at) {
    return anAccessEvent().setEventId(eventId).setStaffId("s-held").setOccurredAt(at).build();
  }

  private static AccessEvent access(String eventId, Instant at) {
    return anAccessEvent().setEventId(eventId).setStaffId("s-r").setOccurredAt(at).build();
  }

  private void startPipeline(Duration grace) {
    startPipeline(grace, "eos-it-" + UUID.randomUUID());
  }

  private void startPipeline(Duration grace, String applicationId) {
    Properties props = new Properties();
    props.putAll(StreamsSettings.defaults(names));
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    // Static membership, as the application has it: a restart takes its partitions back at once.
    props.put(
        StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), applicationId);
    props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 15_000);
    streams =
        new KafkaStreams(
            AuditTopology.build(
                topics,
                PipelineOptions.defaults().withGrace(grace),
                agreementPolicy(),
                Clock.systemUTC()),
            props);
    streams.start();
  }

  private <V> void send(String topic, String key, V value, Instant at) throws Exception {
    @SuppressWarnings("unchecked")
    Serializer<V> serializer =
        (Serializer<V>)
            (value instanceof StaffAgreement
                ? topics.agreements().valueSerde().serializer()
                : topics.accessEvents().valueSerde().serializer());
    byte[] bytes = serializer.serialize(topic, value);
    try (KafkaProducer<byte[], byte[]> producer = rawProducer()) {
      producer
          .send(
              new ProducerRecord<>(
                  topic, null, at.toEpochMilli(), key.getBytes(StandardCharsets.UTF_8), bytes))
          .get();
    }
  }

  private void sendRaw(String key, byte[] value) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer = rawProducer()) {
      producer
          .send(
              new ProducerRecord<>(
                  names.accessEvents(), key.getBytes(StandardCharsets.UTF_8), value))
          .get();
    }
  }

  private KafkaProducer<byte[], byte[]> rawProducer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            cluster.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  private KafkaConsumer<byte[], byte[]> committedReader(String topic) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    consumer.subscribe(List.of(topic));
    return consumer;
  }

  private ConsumerRecord<byte[], byte[]> pollOne(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = committedReader(topic)) {
      long end = System.nanoTime() + DEADLINE.toNanos();
      while (System.nanoTime() < end) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          return record;
        }
      }
    }
    throw new AssertionError("no record on " + topic + " within " + DEADLINE);
  }

  /**
   * Polls until {@code expected} alerts for the given staff arrived, then a little longer to catch
   * any extra. (Other tests of this class write alerts for other staff to the same topic.)
   */
  private List<ComplianceAlert> pollAlerts(int expected, String... staff) {
    List<String> wanted = List.of(staff);
    List<ComplianceAlert> alerts = new ArrayList<>();
    var deserializer = topics.alerts().valueSerde().deserializer();
    try (KafkaConsumer<byte[], byte[]> consumer = committedReader(names.alerts())) {
      long end = System.nanoTime() + DEADLINE.toNanos();
      int quietPolls = 0;
      while (System.nanoTime() < end && (alerts.size() < expected || quietPolls < 10)) {
        var records = consumer.poll(Duration.ofMillis(200));
        records.forEach(
            r -> {
              ComplianceAlert alert = deserializer.deserialize(names.alerts(), r.value());
              if (wanted.contains(alert.getStaffId())) {
                alerts.add(alert);
              }
            });
        quietPolls = alerts.size() >= expected && records.isEmpty() ? quietPolls + 1 : 0;
      }
    }
    return alerts;
  }
}
