package dev.accessaudit.replay;

import static dev.accessaudit.streams.judgement.Rejudgement.CORRECTED_BY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.app.TestBroker;
import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AlertStatus;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.avro.VisitorConsent;
import dev.accessaudit.registry.SchemaRegistryClients;
import dev.accessaudit.replay.DifferentialHistory.Expectation;
import dev.accessaudit.replay.DifferentialHistory.Outgoing;
import dev.accessaudit.replay.DifferentialHistory.Step;
import dev.accessaudit.streams.judgement.AlertIds;
import dev.accessaudit.streams.judgement.RepeatSuppressor;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.policy.PolicyRule;
import dev.accessaudit.streams.policy.PolicyVersion;
import dev.accessaudit.streams.topology.AuditTopics;
import dev.accessaudit.streams.topology.TopicNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test at scale: the live pipeline (Kafka Streams, exactly-once, three partitions, on
 * the in-process KRaft broker) judges a seeded, randomized history of at least 50,000 accesses in
 * the compared period ({@link DifferentialHistory}: every rule of the shipped policy, corrections
 * by late agreements and consents, early and out-of-order ones, tombstones, duplicates inside and
 * beyond the de-duplication window, bulk bursts across window edges, suppressed repeats, bad
 * records, and a restart of the pipeline in the middle); then {@link Replayer} replays the period,
 * and the two alert sets must be identical, field for field but {@code detectedAt}. On a difference
 * the failure names the first differing access (by time) with every alert version each side has for
 * it and every record of the history behind it.
 *
 * <p>The live side is the latest version per alertId of every committed alert (a correction or the
 * end of a suppression window republishes the same alertId), the retracted ones left out, as an
 * officer reading the topic sees them; the replay's are its alerts.
 *
 * <p>Each step of the history is published once the pipeline has processed and committed the one
 * before, on every input and repartition topic ({@link LivePipeline#awaitIdle}): see {@link
 * DifferentialHistory} for why that, an hour's grace and the shape of the history make the live
 * order of processing the one the replay reproduces. The restart comes once the pipeline has
 * committed two fifths of the accesses of a large step: the instance is closed and a new one
 * started on the same application id with its state directory wiped, as the application itself does
 * at every start (Kafka Streams 4.3.1 reopens a versioned store on its own local state without the
 * older versions: KafkaVersionedStoreReopenTest); so every store, grace buffers and kept accesses
 * included, is restored from its changelog, and the rest of the step is read from the committed
 * offsets.
 *
 * <p>The size is {@code -Ddifferential.events=N} (accesses in the compared period, default 50,000;
 * 1,000,000 works with enough heap and patience), the seed {@code -Ddifferential.seed=S}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveReplayDifferentialIT {

  private static final int EVENTS = Integer.getInteger("differential.events", 50_000);
  private static final long SEED = Long.getLong("differential.seed", 20_081_216L);
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private final TopicNames names = TopicNames.defaults();
  private final String scope = "differential-" + System.nanoTime();
  private final Map<String, String> serdeConfig = Map.of("schema.registry.url", "mock://" + scope);
  private final DifferentialHistory history = new DifferentialHistory(SEED, EVENTS, names);
  private final Policy policy = DifferentialHistory.policy();

  private TestBroker cluster;
  private int restarts;
  private long stateDeadLetters;

  /** Every version of every alert the pipeline committed, by alertId, oldest first. */
  private final Map<String, List<ComplianceAlert>> liveVersions = new LinkedHashMap<>();

  /** The alerts that stand live for accesses of the period. */
  private List<ComplianceAlert> live;

  /** The alertIds of the scenario {@value DifferentialHistory#BETWEEN_BUFFERS} in the period. */
  private Set<String> betweenBuffers;

  private ReplayResult replay;

  @BeforeAll
  void judgeTheHistoryLiveThenReplayThePeriod(@TempDir Path state) throws Exception {
    cluster = ReplayCluster.start();
    String bootstrap = cluster.bootstrapServers();
    ReplayCluster.createTopics(bootstrap, names, DifferentialHistory.PARTITIONS);
    long started = System.nanoTime();
    List<ComplianceAlert> committed;
    try (Publisher out = new Publisher(bootstrap);
        LivePipeline pipeline =
            new LivePipeline(
                bootstrap,
                serdeConfig,
                names,
                policy,
                DifferentialHistory.options(),
                state,
                DifferentialHistory.PARTITIONS)) {
      pipeline.start(TIMEOUT);
      history.generate(
          step -> {
            long before = out.count(names.accessEvents());
            out.publish(step);
            Duration timeout = TIMEOUT.plusMillis(20L * step.records().size());
            if (step.restartMidway()) {
              long accesses = step.count(names.accessEvents());
              long done =
                  pipeline.awaitCommitted(names.accessEvents(), before + accesses * 2 / 5, timeout);
              pipeline.restart(TIMEOUT);
              restarts++;
              System.out.printf(
                  "differential: restarted the pipeline during %s, %d of its %d access records"
                      + " committed%n",
                  step.name(), done - before, accesses);
            }
            pipeline.awaitIdle(timeout);
          });
      committed = pipeline.committedAlerts(TIMEOUT);
      System.out.printf(
          Locale.ROOT,
          "differential: published %s in %d steps; live judged them in %.1f s, %d alert records%n",
          out.counts,
          out.steps,
          (System.nanoTime() - started) / 1e9,
          committed.size());
    }
    stateDeadLetters = endOffsets(bootstrap, names.stateDeadLetter());
    committed.forEach(
        a -> liveVersions.computeIfAbsent(a.getAlertId(), id -> new ArrayList<>()).add(a));
    live =
        liveVersions.values().stream()
            .map(versions -> versions.get(versions.size() - 1))
            .filter(a -> a.getStatus() != AlertStatus.RETRACTED)
            .filter(LiveReplayDifferentialIT::inPeriod)
            .sorted(AlertLog.REPORT_ORDER)
            .toList();
    long replayStarted = System.nanoTime();
    replay = replayer(bootstrap).replay(period(), policy, "differential", Progress.NONE);
    System.out.printf(
        Locale.ROOT,
        "differential: replay %s (%.1f s)%n",
        replay.stats().summary(),
        (System.nanoTime() - replayStarted) / 1e9);
    betweenBuffers =
        history.expectations().stream()
            .filter(e -> e.scenario().equals(DifferentialHistory.BETWEEN_BUFFERS))
            .map(e -> AlertIds.of(e.eventId(), e.ruleId()))
            .collect(Collectors.toSet());
  }

  @AfterAll
  void stopBroker() throws Exception {
    if (replay != null) {
      replay.close();
    }
    if (cluster != null) {
      cluster.close();
    }
    SchemaRegistryClients.dropMockScope(scope);
  }

  @Test
  void shouldReplayExactlyTheAlertsThatStandLiveForThePeriod() throws Exception {
    AlertDiff diff = AlertDiff.between(live, replayed());

    if (!diff.isEmpty()) {
      String report = firstDifference(diff);
      System.out.println(report);
      assertThat(diff.isEmpty()).withFailMessage(report).isTrue();
    }
    assertThat(replay.alerts()).hasSameSizeAs(live);
  }

  /**
   * The one difference by design the history provokes (scenario {@value
   * DifferentialHistory#BETWEEN_BUFFERS}): live, an access needing the visitor's consent waits for
   * it in the task of the visitor's partition after it has left the agreement's grace buffer, and
   * an agreement record arriving meanwhile is in force when it is judged (no correction). The
   * replay runs the round trip through the repartition topics synchronously, so there the access
   * has been judged already and the same record corrects it: the same alert, with {@code
   * details.correctedBy}. See docs/auditors.md, "Repartition round trips are synchronous".
   */
  @Test
  void shouldDifferOnlyInTheCorrectionNoteWhereAnAgreementArrivesBetweenTheTwoBuffers() {
    List<ComplianceAlert> liveOnes =
        live.stream().filter(a -> betweenBuffers.contains(a.getAlertId())).toList();
    List<ComplianceAlert> replayed =
        replay.alerts().stream().filter(a -> betweenBuffers.contains(a.getAlertId())).toList();

    assertThat(betweenBuffers).hasSizeGreaterThan(5);
    assertThat(liveOnes).hasSameSizeAs(betweenBuffers);
    assertThat(liveOnes)
        .allSatisfy(a -> assertThat(a.getDetails()).doesNotContainKey(CORRECTED_BY));
    assertThat(replayed).hasSameSizeAs(betweenBuffers);
    assertThat(replayed)
        .allSatisfy(
            a ->
                assertThat(a.getDetails().get(CORRECTED_BY))
                    .startsWith("the agreement record of " + a.getStaffId()));
  }

  /**
   * The replay's alerts, with the correction note taken off those of {@link
   * #shouldDifferOnlyInTheCorrectionNoteWhereAnAgreementArrivesBetweenTheTwoBuffers}, and only
   * those: everything else is compared as it is.
   */
  private List<ComplianceAlert> replayed() {
    return replay.alerts().stream()
        .map(a -> betweenBuffers.contains(a.getAlertId()) ? withoutCorrectionNote(a) : a)
        .toList();
  }

  private static ComplianceAlert withoutCorrectionNote(ComplianceAlert alert) {
    Map<String, String> details = new HashMap<>(alert.getDetails());
    details.remove(CORRECTED_BY);
    return ComplianceAlert.newBuilder(alert).setDetails(details).build();
  }

  @Test
  void shouldFireEveryRuleOfThePolicyInForceDuringThePeriod() {
    Set<String> inForce = new TreeSet<>();
    List<PolicyVersion> versions = policy.versions();
    for (int i = 0; i < versions.size(); i++) {
      Instant until = i + 1 < versions.size() ? versions.get(i + 1).effectiveFrom() : Instant.MAX;
      if (versions.get(i).effectiveFrom().isBefore(DifferentialHistory.TO)
          && until.isAfter(DifferentialHistory.FROM)) {
        versions.get(i).rules().stream().map(PolicyRule::ruleId).forEach(inForce::add);
      }
    }

    assertThat(inForce).contains("NON_EMPLOYEE_ACCESS", "REGION_RESTRICTED_DATA").hasSize(12);
    assertThat(live.stream().map(ComplianceAlert::getRuleId).collect(Collectors.toSet()))
        .containsAll(inForce);
  }

  @Test
  void shouldJudgeAtLeastTheRequestedAccessesWithDuplicatesAndBadRecordsAmongThem() {
    assertThat(replay.stats().events()).isGreaterThanOrEqualTo(EVENTS);
    assertThat(replay.stats().duplicates()).isPositive();
    assertThat(replay.stats().invalid()).isPositive();
    assertThat(stateDeadLetters).isPositive();
    assertThat(restarts).isEqualTo(1);
  }

  @Test
  void shouldCorrectSuppressAndCountBurstsInThePeriod() {
    List<ComplianceAlert> versionsInPeriod =
        liveVersions.values().stream()
            .flatMap(List::stream)
            .filter(LiveReplayDifferentialIT::inPeriod)
            .toList();

    assertThat(versionsInPeriod)
        .filteredOn(a -> a.getStatus() == AlertStatus.RETRACTED)
        .hasSizeGreaterThan(10);
    assertThat(live)
        .filteredOn(a -> a.getDetails().containsKey(CORRECTED_BY))
        .hasSizeGreaterThan(10);
    assertThat(live)
        .filteredOn(a -> a.getRuleId().equals(DifferentialHistory.SUPPRESSED_RULE))
        .filteredOn(a -> !"0".equals(a.getDetails().get(RepeatSuppressor.SUPPRESSED_REPEATS)))
        .hasSizeGreaterThan(5);
    assertThat(live).filteredOn(a -> a.getRuleId().equals("BULK_ACCESS")).hasSize(5);
  }

  /**
   * The history's scenarios did what they are there for: a record within the grace is used at once,
   * a later one corrects (raises or retracts), one beyond the horizon changes nothing, until a
   * duplicate beyond the de-duplication window is judged again.
   */
  @Test
  void shouldTreatEachLateRecordAsItsScenarioIntends() throws Exception {
    List<String> unexpected = new ArrayList<>();
    List<Expectation> expectations = history.expectations();
    for (Expectation e : expectations) {
      List<ComplianceAlert> versions =
          liveVersions.getOrDefault(AlertIds.of(e.eventId(), e.ruleId()), List.of());
      DifferentialHistory.Outcome actual = outcome(versions);
      if (actual != e.outcome()) {
        unexpected.add(
            String.format(
                "%s: %s %s should be %s, is %s",
                e.scenario(), e.eventId(), e.ruleId(), e.outcome(), actual));
      }
    }

    assertThat(expectations).hasSizeGreaterThan(100);
    assertThat(unexpected).isEmpty();
  }

  private static DifferentialHistory.Outcome outcome(List<ComplianceAlert> versions) {
    if (versions.isEmpty()) {
      return DifferentialHistory.Outcome.NONE;
    }
    ComplianceAlert latest = versions.get(versions.size() - 1);
    if (latest.getStatus() == AlertStatus.RETRACTED) {
      return DifferentialHistory.Outcome.RETRACTED;
    }
    return latest.getDetails().containsKey(CORRECTED_BY)
        ? DifferentialHistory.Outcome.RAISED_BY_CORRECTION
        : DifferentialHistory.Outcome.STANDS;
  }

  // ------------------------------------------------------------------ reporting a difference

  /**
   * The first differing access by time: what each side has for it, and every record of the history
   * behind it (generated again from the seed).
   */
  private String firstDifference(AlertDiff diff) throws Exception {
    List<ComplianceAlert> differing = new ArrayList<>(diff.added());
    differing.addAll(diff.removed());
    diff.changed().forEach(c -> differing.add(c.live()));
    ComplianceAlert first = differing.stream().min(AlertLog.REPORT_ORDER).orElseThrow();
    String eventId = first.getEventId();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "live and replay differ: %d alerts only in the replay, %d only live, %d changed"
                + " (%s)%nthe first differing access: %s at %s, staff %s, visitor %s%n",
            diff.added().size(),
            diff.removed().size(),
            diff.changed().size(),
            byRule(diff),
            eventId,
            first.getOccurredAt(),
            first.getStaffId(),
            first.getVisitorId()));
    diff.changed().stream()
        .filter(c -> c.live().getEventId().equals(eventId))
        .forEach(
            c ->
                out.append("  changed ")
                    .append(c.live().getRuleId())
                    .append(": ")
                    .append(c.fields())
                    .append('\n'));
    out.append("  live, every version committed for this access, oldest first:\n");
    liveVersions.values().stream()
        .flatMap(List::stream)
        .filter(a -> a.getEventId().equals(eventId))
        .forEach(a -> out.append("    ").append(describe(a)).append('\n'));
    out.append("  replay:\n");
    replay.alerts().stream()
        .filter(a -> a.getEventId().equals(eventId))
        .forEach(a -> out.append("    ").append(describe(a)).append('\n'));
    out.append("  the records behind it, as published (step, topic, key, record time, value):\n");
    history.generate(
        step -> {
          for (Outgoing r : step.records()) {
            if (concerns(r, eventId, first.getStaffId(), first.getVisitorId())) {
              out.append(
                  String.format(
                      "    [%s] %s %s %s %s%n",
                      step.name(),
                      r.topic(),
                      r.key(),
                      Instant.ofEpochMilli(r.timestamp()),
                      r.value() instanceof byte[] b
                          ? "bytes " + new String(b, StandardCharsets.UTF_8)
                          : r.value()));
            }
          }
        });
    return out.toString();
  }

  private static boolean concerns(Outgoing r, String eventId, String staff, String visitor) {
    if (r.value() instanceof AccessEvent e) {
      return e.getEventId().equals(eventId);
    } else if (r.value() instanceof StaffAgreement a) {
      return staff.equals(r.key()) || staff.equals(a.getStaffId());
    } else if (r.value() instanceof VisitorConsent c) {
      return visitor.equals(r.key()) || visitor.equals(c.getVisitorId());
    }
    return staff.equals(r.key()) || visitor.equals(r.key());
  }

  private static String describe(ComplianceAlert a) {
    return String.format(
        "%s %s %s agreement %s from %s, policy %s, detected %s, details %s",
        a.getStatus(),
        a.getRuleId(),
        a.getAlertId(),
        a.getAgreementStatus(),
        a.getAgreementEffectiveFrom(),
        a.getPolicyVersion(),
        a.getDetectedAt(),
        new java.util.TreeMap<>(a.getDetails()));
  }

  private static String byRule(AlertDiff diff) {
    Map<String, Long> counts =
        Stream.of(
                diff.added().stream().map(a -> "+" + a.getRuleId()),
                diff.removed().stream().map(a -> "-" + a.getRuleId()),
                diff.changed().stream().map(c -> "~" + c.live().getRuleId()))
            .flatMap(s -> s)
            .collect(Collectors.groupingBy(s -> s, java.util.TreeMap::new, Collectors.counting()));
    return counts.toString();
  }

  // ------------------------------------------------------------------ helpers

  private static ReplayRequest period() {
    return ReplayRequest.of(DifferentialHistory.FROM, DifferentialHistory.TO);
  }

  private static boolean inPeriod(ComplianceAlert a) {
    return period().reports(a);
  }

  private Replayer replayer(String bootstrap) {
    Map<String, Object> clients = new HashMap<>(serdeConfig);
    clients.put("bootstrap.servers", bootstrap);
    return new Replayer(clients, names, DifferentialHistory.options(), Clock.systemUTC());
  }

  private static long endOffsets(String bootstrap, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      return TestBroker.endOffsets(admin, topic);
    }
  }

  /** Publishes the history's steps as producers do, with the values' Confluent wire format. */
  private final class Publisher implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final AuditTopics topics = AuditTopics.create(names, serdeConfig);
    private final Serializer<AccessEvent> accesses =
        topics.accessEvents().valueSerde().serializer();
    private final Serializer<StaffAgreement> agreements =
        topics.agreements().valueSerde().serializer();
    private final Serializer<VisitorConsent> consents = topics.consents().valueSerde().serializer();
    private final Map<String, Long> counts = new java.util.TreeMap<>();
    private int steps;

    Publisher(String bootstrap) {
      Map<String, Object> settings = new HashMap<>();
      settings.put("bootstrap.servers", bootstrap);
      settings.put("acks", "all");
      settings.put("linger.ms", 10);
      settings.put("batch.size", 512 * 1024);
      producer =
          new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends every record of the step in order and waits until all are acknowledged. */
    void publish(Step step) {
      for (Outgoing r : step.records()) {
        byte[] key = r.key() == null ? null : r.key().getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(r.topic(), null, r.timestamp(), key, bytes(r)));
        counts.merge(r.topic(), 1L, Long::sum);
      }
      producer.flush();
      steps++;
    }

    long count(String topic) {
      return counts.getOrDefault(topic, 0L);
    }

    private byte[] bytes(Outgoing r) {
      if (r.value() == null || r.value() instanceof byte[]) {
        return (byte[]) r.value();
      } else if (r.value() instanceof AccessEvent e) {
        return accesses.serialize(r.topic(), e);
      } else if (r.value() instanceof StaffAgreement a) {
        return agreements.serialize(r.topic(), a);
      } else if (r.value() instanceof VisitorConsent c) {
        return consents.serialize(r.topic(), c);
      }
      throw new IllegalArgumentException("cannot publish " + r.value());
    }

    @Override
    public void close() {
      producer.close();
    }
  }
}
