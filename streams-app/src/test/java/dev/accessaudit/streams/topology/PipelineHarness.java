package dev.accessaudit.streams.topology;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.avro.VisitorConsent;
import dev.accessaudit.registry.SchemaRegistryClients;
import dev.accessaudit.streams.AuditFixtures;
import dev.accessaudit.streams.policy.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Drives the real topology in a {@link TopologyTestDriver} with an in-memory registry scope of its
 * own. Records are piped with explicit timestamps as publishers set them: an access's is its
 * occurredAt, a state record's is its publish time, here the harness's "now" (the latest time piped
 * so far, or the record's effectiveFrom when later) unless a test says when it was published.
 */
final class PipelineHarness implements AutoCloseable {

  static final Instant DETECTED_AT = Instant.parse("2026-06-01T00:00:00Z");
  static final String TICK_STAFF = "s-tick";

  final TopicNames names = TopicNames.defaults();
  final String registryScope = "topology-" + UUID.randomUUID();
  final Map<String, String> serdeConfig = Map.of("schema.registry.url", "mock://" + registryScope);
  final AuditTopics topics = AuditTopics.create(names, serdeConfig);
  final Topology topology;
  final TopologyTestDriver driver;
  final TestInputTopic<String, AccessEvent> accesses;
  final TestInputTopic<String, StaffAgreement> agreements;
  final TestInputTopic<String, VisitorConsent> consents;
  final TestInputTopic<byte[], byte[]> rawAccesses;
  final TestOutputTopic<String, ComplianceAlert> alerts;
  final TestOutputTopic<byte[], byte[]> deadLetters;
  private final Path stateDir;
  private int ticks;
  private Instant now = Instant.EPOCH.plusMillis(1);

  PipelineHarness(Policy policy, PipelineOptions options) {
    topology =
        AuditTopology.build(topics, options, policy, Clock.fixed(DETECTED_AT, ZoneOffset.UTC));
    stateDir = tempDir();
    driver = new TopologyTestDriver(topology, properties(stateDir));
    var stringSer = new StringSerializer();
    accesses =
        driver.createInputTopic(
            names.accessEvents(), stringSer, topics.accessEvents().valueSerde().serializer());
    agreements =
        driver.createInputTopic(
            names.agreements(), stringSer, topics.agreements().valueSerde().serializer());
    consents =
        driver.createInputTopic(
            names.consents(), stringSer, topics.consents().valueSerde().serializer());
    rawAccesses =
        driver.createInputTopic(
            names.accessEvents(), new ByteArraySerializer(), new ByteArraySerializer());
    alerts =
        driver.createOutputTopic(
            names.alerts(),
            topics.alerts().keySerde().deserializer(),
            topics.alerts().valueSerde().deserializer());
    deadLetters =
        driver.createOutputTopic(
            names.deadLetter(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    agreement(
        AuditFixtures.anAgreement(AgreementStatus.ACTIVE, Instant.EPOCH.plusMillis(1))
            .setStaffId(TICK_STAFF)
            .build());
  }

  /** The grace the harness uses unless told otherwise, so the tests exercise the join buffers. */
  static final Duration GRACE = Duration.ofSeconds(10);

  PipelineHarness(Policy policy) {
    this(policy, PipelineOptions.defaults().withGrace(GRACE));
  }

  void access(AccessEvent event) {
    now = later(now, event.getOccurredAt());
    accesses.pipeInput(new TestRecord<>(event.getStaffId(), event, event.getOccurredAt()));
  }

  /**
   * Publishes the agreement now: at the latest time piped so far, or at its effectiveFrom when that
   * is later (an agreement published as it takes effect).
   */
  void agreement(StaffAgreement agreement) {
    agreement(agreement, later(now, agreement.getEffectiveFrom()));
  }

  void agreement(StaffAgreement agreement, Instant publishedAt) {
    now = later(now, publishedAt);
    agreements.pipeInput(new TestRecord<>(agreement.getStaffId(), agreement, publishedAt));
  }

  /** A tombstone: no agreement on record from {@code from}, its record timestamp, on. */
  void removeAgreement(String staffId, Instant from) {
    now = later(now, from);
    agreements.pipeInput(new TestRecord<>(staffId, null, from));
  }

  /** Publishes the consent now, or at its effectiveFrom when that is later. */
  void consent(VisitorConsent consent) {
    consent(consent, later(now, consent.getEffectiveFrom()));
  }

  void consent(VisitorConsent consent, Instant publishedAt) {
    now = later(now, publishedAt);
    consents.pipeInput(new TestRecord<>(consent.getVisitorId(), consent, publishedAt));
  }

  private static Instant later(Instant a, Instant b) {
    return b.isAfter(a) ? b : a;
  }

  /**
   * Advances stream time past {@code time} plus the grace period in both the agreement join and the
   * consent join, with compliant accesses by a staff member who has an agreement, so buffered
   * accesses up to {@code time} are judged. Stream time only moves with records, and a consent
   * candidate waits in both joins, so the consent join needs a tick of its own that has itself
   * passed the agreement join.
   */
  void advancePast(Instant time, Duration grace) {
    tick(time.plus(grace).plusMillis(1), AccessPurpose.CUSTOMER_CONTACT);
    tick(time.plus(grace.multipliedBy(2)).plusMillis(2), AccessPurpose.MARKETING);
    tick(time.plus(grace.multipliedBy(3)).plusMillis(3), AccessPurpose.CUSTOMER_CONTACT);
  }

  private void tick(Instant at, AccessPurpose purpose) {
    ticks++;
    access(
        AuditFixtures.anAccessEvent()
            .setEventId("tick-" + ticks)
            .setStaffId(TICK_STAFF)
            .setVisitorId("v-tick")
            .setPurpose(purpose)
            .setOccurredAt(at)
            .build());
  }

  List<ComplianceAlert> alerts() {
    return alerts.readValuesToList();
  }

  @Override
  public void close() {
    driver.close();
    SchemaRegistryClients.dropMockScope(registryScope);
  }

  private Properties properties(Path dir) {
    Properties props = new Properties();
    props.putAll(StreamsSettings.defaults(names));
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "access-audit-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, dir.toString());
    // TopologyTestDriver commits its mock transaction only after processing a record, so under
    // exactly-once a dead letter written while skipping an undecodable record would never show.
    // The integration tests cover exactly-once on a real broker.
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    // The driver pipes records one by one in the order a test chooses, so there is nothing to
    // wait for; idling would need the mock wall clock advanced after every record.
    props.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, 0L);
    return props;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("audit-ttd");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
