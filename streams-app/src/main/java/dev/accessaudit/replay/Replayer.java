package dev.accessaudit.replay;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.avro.VisitorConsent;
import dev.accessaudit.serde.AvroSerdes;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.topology.TopicNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Re-judges a past period from the topics, with the live pipeline's own judgement code, and writes
 * nothing to Kafka.
 *
 * <pre>{@code
 * Replayer replayer = new Replayer(config.clientConfig(), names, Duration.ofSeconds(10), clock);
 * ReplayResult result = replayer.replay(ReplayRequest.of(from, to), policy, "default", progress);
 * }</pre>
 *
 * <p>It reads the complete agreement and consent histories into memory, then each partition of the
 * access topic from the period's start (found by record time) to the end offsets captured when it
 * starts: validates, de-duplicates, orders each partition's accesses by time as the pipeline's
 * grace buffer releases them, and judges them against the agreement and consent in force at each
 * access's time. Only committed records are read.
 */
public final class Replayer {

  private final Map<String, Object> clientConfig;
  private final TopicNames topics;
  private final Duration grace;
  private final Clock clock;

  /**
   * @param clientConfig Kafka and schema registry client settings (bootstrap.servers,
   *     schema.registry.url, security settings)
   * @param grace the pipeline's grace period for late agreements, used to emulate its stream time
   */
  public Replayer(Map<String, ?> clientConfig, TopicNames topics, Duration grace, Clock clock) {
    this.clientConfig = Map.copyOf(clientConfig);
    this.topics = topics;
    this.grace = grace;
    this.clock = clock;
  }

  /** Replays the request's period under {@code policy}; {@code policyName} names it in reports. */
  public ReplayResult replay(
      ReplayRequest request, Policy policy, String policyName, Progress progress) {
    long started = System.nanoTime();
    try (Consumer<byte[], byte[]> consumer = ReplayConsumers.raw(clientConfig)) {
      TopicScanner scanner = new TopicScanner(consumer);
      StateHistory history = loadHistory(scanner, progress);
      ReplayCounts counts = new ReplayCounts();
      AlertCollector collector = new AlertCollector(request);
      List<AccessEvent> kept = new ArrayList<>();
      readAccesses(scanner, request, policy, history, collector, counts, kept, progress);
      var alerts = collector.alerts();
      var stats =
          new ReplayStats(
              counts.events,
              counts.invalid,
              counts.duplicates,
              counts.recordsRead,
              history.agreements().records() + history.consents().records(),
              alerts.size(),
              Duration.ofNanos(System.nanoTime() - started));
      return new ReplayResult(request, policyName, alerts, kept, stats);
    }
  }

  private void readAccesses(
      TopicScanner scanner,
      ReplayRequest request,
      Policy policy,
      StateHistory history,
      AlertCollector collector,
      ReplayCounts counts,
      List<AccessEvent> kept,
      Progress progress) {
    ReplayWindow window = ReplayWindow.of(request, policy);
    AccessReader reader =
        new AccessReader(
            scanner, deserializer(AccessEvent.class), request, window, counts, progress);
    List<TopicPartition> partitions = scanner.partitions(topics.accessEvents());
    Map<TopicPartition, Long> start = scanner.offsetsAt(partitions, window.judgeFrom());
    Map<TopicPartition, Long> end = scanner.ends(partitions);
    progress.begin("replaying " + topics.accessEvents(), HistoryLoader.total(start, end));
    Instant detectedAt = clock.instant();
    reader.read(
        start,
        end,
        p -> new PartitionTask(new PartitionJudge(policy, history, detectedAt), grace, collector),
        request.keepAccesses() ? kept::add : event -> {});
    progress.end();
    kept.sort(Comparator.comparing(AccessEvent::getOccurredAt));
  }

  private StateHistory loadHistory(TopicScanner scanner, Progress progress) {
    return new HistoryLoader(scanner, progress)
        .load(
            topics.agreements(),
            deserializer(StaffAgreement.class),
            topics.consents(),
            deserializer(VisitorConsent.class));
  }

  private <T extends org.apache.avro.specific.SpecificRecord>
      org.apache.kafka.common.serialization.Deserializer<T> deserializer(Class<T> type) {
    return AvroSerdes.valueSerde(type, clientConfig).deserializer();
  }
}
