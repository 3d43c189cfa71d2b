package dev.accessaudit.replay;

import static dev.accessaudit.replay.Scenario.access;
import static dev.accessaudit.replay.Scenario.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.app.TestBroker;
import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.registry.SchemaRegistryClients;
import dev.accessaudit.streams.judgement.AlertIds;
import dev.accessaudit.streams.judgement.RepeatSuppressor;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.topology.PipelineOptions;
import dev.accessaudit.streams.topology.TopicNames;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live pipeline and a replay of the same period give the same alerts: same alertIds, same
 * content but detectedAt, the latest version per alertId. The history has agreement updates that
 * arrive out of order within the grace period, a tombstone, duplicate events, undecodable, wrongly
 * keyed and invalid records, a BULK_ACCESS count that starts before the period, folded repeats, and
 * one agreement that arrives after the grace period, the one case where they legitimately differ,
 * which --diff reports.
 */
class ReplayDeterminismIT {

  private static final int PARTITIONS = 3;
  private static final Duration GRACE = Duration.ofHours(1);
  private static final Duration TIMEOUT = Duration.ofSeconds(45);
  private static final Policy POLICY = ReplayFixtures.statefulPolicy(3);

  private final TopicNames names = TopicNames.defaults();
  private final String scope = "replay-it-" + System.nanoTime();
  private final Map<String, String> serdeConfig = Map.of("schema.registry.url", "mock://" + scope);
  private TestBroker cluster;

  @AfterEach
  void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
    SchemaRegistryClients.dropMockScope(scope);
  }

  @Test
  void shouldReplayExactlyTheAlertsThePipelinePublishedForThePeriod(@TempDir Path state)
      throws Exception {
    cluster = ReplayCluster.start();
    String bootstrap = cluster.bootstrapServers();
    ReplayCluster.createTopics(bootstrap, names, PARTITIONS);
    List<ComplianceAlert> published;
    try (Scenario s = new Scenario(bootstrap, serdeConfig, names);
        LivePipeline live =
            new LivePipeline(
                bootstrap,
                serdeConfig,
                names,
                POLICY,
                PipelineOptions.defaults().withGrace(GRACE),
                state)) {
      live.start(TIMEOUT);
      publishHistory(s);
      published = live.alertsOnceCaughtUp(TIMEOUT);
      s.agreement("s-6", AgreementStatus.REVOKED, at(Duration.ofMinutes(40)));
      s.flush();
    }
    ReplayRequest period =
        ReplayRequest.of(at(Duration.ofMinutes(15)), at(Duration.ofHours(3))).keepingEventIds();
    List<ComplianceAlert> liveAlerts;
    AlertDiff diff;
    ReplayStats stats;
    try (ReplayResult replay =
        replayer(bootstrap).replay(period, POLICY, "stateful", Progress.NONE)) {
      liveAlerts = latestPerAlertId(published, replay.judged());
      diff = AlertDiff.between(liveAlerts, replay.alerts());
      stats = replay.stats();
    }

    assertThat(diff.removed()).isEmpty();
    assertThat(diff.changed()).isEmpty();
    assertThat(diff.added())
        .extracting(ComplianceAlert::getAlertId)
        .containsExactly(AlertIds.of("e-601", "AGREEMENT_REVOKED"));
    assertThat(liveAlerts)
        .extracting(ComplianceAlert::getEventId, ComplianceAlert::getRuleId)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("e-101", "AGREEMENT_REVOKED"),
            org.assertj.core.groups.Tuple.tuple("e-104", "AGREEMENT_REVOKED"),
            org.assertj.core.groups.Tuple.tuple("e-105", "AGREEMENT_REVOKED"),
            org.assertj.core.groups.Tuple.tuple("e-201", "AGREEMENT_PENDING"),
            org.assertj.core.groups.Tuple.tuple("e-301", "AGREEMENT_MISSING"),
            org.assertj.core.groups.Tuple.tuple("e-401", "AGREEMENT_MISSING"),
            org.assertj.core.groups.Tuple.tuple("e-504", "BULK_ACCESS"));
    assertThat(folded(liveAlerts, "e-101")).isEqualTo("2");
    assertThat(stats.events()).isEqualTo(13);
    assertThat(stats.duplicates()).isEqualTo(1);
    assertThat(stats.invalid()).isEqualTo(3);
  }

  private Replayer replayer(String bootstrap) {
    Map<String, Object> clients = new java.util.HashMap<>(serdeConfig);
    clients.put("bootstrap.servers", bootstrap);
    return new Replayer(
        clients, names, PipelineOptions.defaults().withGrace(GRACE), Clock.systemUTC());
  }

  private static String folded(List<ComplianceAlert> alerts, String eventId) {
    return alerts.stream()
        .filter(a -> a.getEventId().equals(eventId))
        .findFirst()
        .orElseThrow()
        .getDetails()
        .get(RepeatSuppressor.SUPPRESSED_REPEATS);
  }

  private static List<ComplianceAlert> latestPerAlertId(
      List<ComplianceAlert> published, JudgedEvents judged) {
    Map<String, ComplianceAlert> latest = new java.util.LinkedHashMap<>();
    published.stream()
        .filter(a -> judged.contains(a.getEventId()))
        .forEach(a -> latest.put(a.getAlertId(), a));
    return latest.values().stream().sorted(AlertLog.REPORT_ORDER).toList();
  }

  /** Publishes in phases so that late agreements arrive while their accesses wait in the grace. */
  private static void publishHistory(Scenario s) throws Exception {
    Duration day = Duration.ofDays(1);
    for (String staff : List.of("s-1", "s-4", "s-5", "s-6")) {
      s.agreement(staff, AgreementStatus.ACTIVE, at(day.negated()));
    }
    s.agreement("s-2", AgreementStatus.ACTIVE, at(Duration.ofMinutes(25)));
    s.tombstone("s-4", at(Duration.ofMinutes(20)));
    for (String tick : tickers()) {
      s.agreement(tick, AgreementStatus.ACTIVE, at(day.negated()));
    }
    s.flush();
    earlyAccesses(s);
    s.flush();
    s.agreement("s-1", AgreementStatus.REVOKED, at(Duration.ofMinutes(10)));
    s.agreement("s-2", AgreementStatus.PENDING, at(Duration.ofMinutes(15)));
    s.flush();
    s.publish(access("e-105", "s-1", at(Duration.ofHours(2)), "v-1"));
    s.publish(access("e-601", "s-6", at(Duration.ofMinutes(50)), "v-6"));
    s.publish(access("e-303", "s-3", at(Duration.ofHours(4)), "v-3"));
    List<String> tickers = tickers();
    for (int i = 0; i < tickers.size(); i++) {
      s.publish(access("tick-" + i, tickers.get(i), at(Duration.ofHours(10)), "v-0"));
    }
    s.flush();
  }

  private static void earlyAccesses(Scenario s) {
    s.publish(access("e-300", "s-3", at(Duration.ofMinutes(1)), "v-3"));
    s.publish(access("e-501", "s-5", at(Duration.ofMinutes(5)), "v-1"));
    s.publish(access("e-502", "s-5", at(Duration.ofMinutes(10)), "v-2"));
    s.publish(access("e-101", "s-1", at(Duration.ofMinutes(16)), "v-1"));
    s.publish(access("e-301", "s-3", at(Duration.ofMinutes(16)), "v-3"));
    s.publish(access("e-301", "s-3", at(Duration.ofMinutes(16)), "v-3"));
    s.garbage("s-3", at(Duration.ofMinutes(16)));
    s.publish("s-9", access("e-901", "s-3", at(Duration.ofMinutes(17)), "v-3"));
    s.publish(
        dev.accessaudit.avro.AccessEvent.newBuilder(
                access("e-902", "s-3", at(Duration.ofMinutes(18)), "v-3"))
            .setStaffOffice("UK")
            .build());
    s.publish(access("e-102", "s-1", at(Duration.ofMinutes(18)), "v-1"));
    s.publish(access("e-201", "s-2", at(Duration.ofMinutes(20)), "v-2"));
    s.publish(access("e-103", "s-1", at(Duration.ofMinutes(20)), "v-1"));
    s.publish(access("e-503", "s-5", at(Duration.ofMinutes(20)), "v-3"));
    s.publish(access("e-104", "s-1", at(Duration.ofMinutes(22)), "v-2"));
    s.publish(access("e-401", "s-4", at(Duration.ofMinutes(25)), "v-4"));
    s.publish(access("e-504", "s-5", at(Duration.ofMinutes(25)), "v-4"));
    s.publish(access("e-202", "s-2", at(Duration.ofMinutes(26)), "v-2"));
    s.publish(access("e-505", "s-5", at(Duration.ofMinutes(26)), "v-4"));
  }

  /** One staff member per partition, whose late accesses move stream time on everywhere. */
  private static List<String> tickers() {
    String[] byPartition = new String[PARTITIONS];
    for (int i = 0; java.util.Arrays.asList(byPartition).contains(null); i++) {
      String staff = "tick-" + i;
      int p = Scenario.partitionOf(staff, PARTITIONS);
      if (byPartition[p] == null) {
        byPartition[p] = staff;
      }
    }
    return List.of(byPartition);
  }
}
