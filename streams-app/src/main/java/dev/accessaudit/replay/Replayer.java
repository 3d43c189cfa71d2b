package dev.accessaudit.replay;

import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.topology.PipelineOptions;
import dev.accessaudit.streams.topology.TopicNames;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Re-judges a past period by running the live topology ({@link
 * dev.accessaudit.streams.topology.AuditTopology}) over the recorded history, in one {@link
 * ReplayDriver} per partition ({@link ReplayDrivers}), and writes nothing to Kafka or to the schema
 * registry.
 *
 * <pre>{@code
 * Replayer replayer = new Replayer(config.clientConfig(), names, options, clock);
 * try (ReplayResult result =
 *     replayer.replay(ReplayRequest.of(from, to), policy, "default", progress)) {
 *   result.alerts().forEach(System.out::println);
 * }
 * }</pre>
 *
 * <p>It reads the agreement and consent topics from their beginnings and the access topic over
 * {@link FeedRange} (the period with the look-back and look-ahead its state needs), all up to the
 * end offsets captured when it starts, committed records only, and feeds every record with its own
 * bytes, timestamp and headers in the order the live stream tasks read them ({@link
 * TimeOrderedFeed}). Only alerts of the accesses the request reports on are kept ({@link
 * AlertCollector}), on disk: the heap a replay needs does not grow with its period.
 */
public final class Replayer {

  private final Map<String, Object> clientConfig;
  private final TopicNames topics;
  private final PipelineOptions options;
  private final Clock clock;

  /**
   * @param clientConfig Kafka and schema registry client settings (bootstrap.servers,
   *     schema.registry.url, security settings)
   * @param options the live pipeline's de-duplication window, grace and history retention
   * @param clock gives the alerts' detectedAt, as the live pipeline's clock does
   */
  public Replayer(
      Map<String, ?> clientConfig, TopicNames topics, PipelineOptions options, Clock clock) {
    this.clientConfig = Map.copyOf(clientConfig);
    this.topics = topics;
    this.options = options;
    this.clock = clock;
  }

  /** Replays the request's period under {@code policy}; {@code policyName} names it in reports. */
  public ReplayResult replay(
      ReplayRequest request, Policy policy, String policyName, Progress progress) {
    long started = System.nanoTime();
    AlertLog alerts = AlertLog.open();
    JudgedEvents judged = request.keepEventIds() ? JudgedEvents.onDisk() : JudgedEvents.notKept();
    try {
      ReplayTally tally = judge(request, policy, progress, alerts, judged);
      var stats =
          new ReplayStats(
              tally.events,
              tally.invalid,
              tally.duplicates,
              tally.recordsRead,
              tally.stateRecords,
              alerts.size(),
              Duration.ofNanos(System.nanoTime() - started));
      return new ReplayResult(request, policyName, alerts, tally.accesses(), judged, stats);
    } catch (RuntimeException | Error e) {
      alerts.close();
      judged.close();
      throw e;
    }
  }

  private ReplayTally judge(
      ReplayRequest request,
      Policy policy,
      Progress progress,
      AlertLog alerts,
      JudgedEvents judged) {
    try (ReplaySerdes serdes = new ReplaySerdes(topics, clientConfig);
        Consumer<byte[], byte[]> consumer = ReplayConsumers.raw(clientConfig)) {
      FeedRange range = FeedRange.of(request, policy, options);
      Plan plan = plan(new TopicScanner(consumer), range);
      try (ReplayDrivers drivers =
          new ReplayDrivers(
              plan.stops().size(),
              Runtime.getRuntime().availableProcessors(),
              topics,
              serdes.topics(),
              options,
              policy,
              clock,
              request,
              new AlertCollector(request, alerts),
              judged)) {
        return feed(plan, range, consumer, serdes, drivers, progress);
      }
    }
  }

  /** Feeds the plan's records to the drivers in the live tasks' order, counting what they did. */
  private ReplayTally feed(
      Plan plan,
      FeedRange range,
      Consumer<byte[], byte[]> consumer,
      ReplaySerdes serdes,
      ReplayDrivers drivers,
      Progress progress) {
    PartitionReader reader = new PartitionReader(consumer, plan.read());
    TopologyStamper stamper = new TopologyStamper(serdes.topics());
    TimeOrderedFeed feed = new TimeOrderedFeed(stamper);
    plan.read()
        .keySet()
        .forEach(
            p -> feed.add(source(reader, p, plan, range, stamper), rank(p.topic()), p.partition()));
    progress.begin("replaying " + String.join(", ", inputs()), plan.size());
    feed.forEach(
        record -> {
          drivers.feed(record);
          progress.advance(1);
        });
    ReplayTally tally = drivers.finish();
    progress.end();
    return tally;
  }

  /**
   * What to read: state topics whole; access partitions from the feed range's start (by record
   * time) to their end, with the offset where, by record time, the range ends; ends captured once.
   *
   * @param read the offsets to read per partition
   * @param stops per access partition, the first offset whose record time is at or after the end of
   *     the feed range
   */
  private record Plan(
      Map<TopicPartition, PartitionReader.Range> read, Map<TopicPartition, Long> stops) {

    /** Records to feed, as far as record times tell. */
    long size() {
      return read.entrySet().stream()
          .mapToLong(
              e ->
                  stops.containsKey(e.getKey())
                      ? Math.max(0, stops.get(e.getKey()) - e.getValue().start())
                      : e.getValue().size())
          .sum();
    }
  }

  private Plan plan(TopicScanner scanner, FeedRange range) {
    Map<TopicPartition, PartitionReader.Range> read = new LinkedHashMap<>();
    for (String state : List.of(topics.agreements(), topics.consents())) {
      List<TopicPartition> partitions = scanner.partitions(state);
      Map<TopicPartition, Long> start = scanner.beginnings(partitions);
      Map<TopicPartition, Long> end = scanner.ends(partitions);
      partitions.forEach(p -> read.put(p, new PartitionReader.Range(start.get(p), end.get(p))));
    }
    List<TopicPartition> accesses = scanner.partitions(topics.accessEvents());
    Map<TopicPartition, Long> end = scanner.ends(accesses);
    Map<TopicPartition, Long> start = scanner.offsetsAt(accesses, range.from(), end);
    Map<TopicPartition, Long> stops = scanner.offsetsAt(accesses, range.to(), end);
    accesses.forEach(p -> read.put(p, new PartitionReader.Range(start.get(p), end.get(p))));
    return new Plan(read, stops);
  }

  /**
   * A partition's records; an access partition's end where the topology's own time says the feed
   * range ends ({@link StopAtTime}), not where a record timestamp does: an undecodable record
   * stamped later than the records around it must not cut the partition short.
   */
  private static TimeOrderedFeed.Source source(
      PartitionReader reader,
      TopicPartition p,
      Plan plan,
      FeedRange range,
      TimeOrderedFeed.Stamper stamper) {
    TimeOrderedFeed.Source source = reader.source(p);
    Long stop = plan.stops().get(p);
    return stop == null ? source : new StopAtTime(source, stop, range.to().toEpochMilli(), stamper);
  }

  private List<String> inputs() {
    return List.of(topics.accessEvents(), topics.agreements(), topics.consents());
  }

  /** Ties between topics: state before accesses, see {@link TimeOrderedFeed}. */
  private int rank(String topic) {
    return topic.equals(topics.agreements()) ? 0 : topic.equals(topics.consents()) ? 1 : 2;
  }
}
