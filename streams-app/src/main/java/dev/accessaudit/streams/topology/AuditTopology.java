package dev.accessaudit.streams.topology;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.EnrichedAccess;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.avro.VisitorConsent;
import dev.accessaudit.streams.judgement.AccessJudge;
import dev.accessaudit.streams.judgement.BulkAccessTracker;
import dev.accessaudit.streams.judgement.RepeatSuppressor;
import dev.accessaudit.streams.policy.Policy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The judging topology.
 *
 * <p>Inputs: {@code visitor-data-access} (key staffId, value AccessEvent, time occurredAt), {@code
 * staff-agreements} (key staffId, value StaffAgreement or a tombstone, time effectiveFrom) and
 * {@code visitor-consents} (key visitorId, value VisitorConsent, time effectiveFrom). The two state
 * topics become versioned tables, so each access is joined with the agreement and consent <em>in
 * force at its occurredAt</em>, whatever order the records arrive in; an access waits up to the
 * grace period for late state records. A missing table side (no agreement or consent on record)
 * joins as null: for agreements that is the AGREEMENT_MISSING case.
 *
 * <p>Outputs: {@code compliance-alerts} (key staffId, value ComplianceAlert), and the dead-letter
 * topic, written by the exception handlers of {@link StreamsSettings} with the original bytes of
 * every record that cannot be decoded or is not a valid, correctly keyed access event.
 *
 * <p>Only events that some rule in force needs the visitor's consent for are re-keyed by visitor,
 * joined with the consents, and re-keyed back by staff.
 */
public final class AuditTopology {

  public static final String AGREEMENTS_STORE = "agreements-versioned";
  public static final String CONSENTS_STORE = "consents-versioned";
  public static final String DEDUP_STORE = "access-event-ids";
  public static final String BULK_STORE = "bulk-access-visitors";
  public static final String SUPPRESSION_STORE = "standing-alerts";

  /**
   * Window-store changelogs expire by time. Their records carry event times, which for a backlog, a
   * replayed history or the demo lie far in the past, so the broker would delete them at once and a
   * restore would forget which events were already judged. Stamping them with the append time makes
   * retention count from when the state was written. (The window start is part of the changelog
   * key, so restoring does not need the record time.)
   */
  private static final Map<String, String> WINDOW_CHANGELOG =
      Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");

  private AuditTopology() {}

  /** Builds the topology; pure: no I/O, nothing started. */
  public static Topology build(
      AuditTopics topics, PipelineOptions options, Policy policy, Clock clock) {
    StreamsBuilder builder = new StreamsBuilder();
    KTable<String, StaffAgreement> agreements =
        versionedTable(builder, topics.agreements(), AGREEMENTS_STORE, options);
    KTable<String, VisitorConsent> consents =
        versionedTable(builder, topics.consents(), CONSENTS_STORE, options);

    KStream<String, EnrichedAccess> withAgreement =
        validAccesses(builder, topics, options)
            .leftJoin(
                agreements,
                Joiners::withAgreement,
                joined(
                    "join-agreement",
                    topics.accessEvents().valueSerde(),
                    topics.agreements().valueSerde(),
                    options));

    Map<String, KStream<String, EnrichedAccess>> branches =
        withAgreement
            .split(Named.as("consent-"))
            .branch(
                (staff, access) -> policy.needsConsent(access.getEvent()), Branched.as("needed"))
            .defaultBranch(Branched.as("not-needed"));

    KStream<String, EnrichedAccess> enriched =
        branches
            .get("consent-not-needed")
            .merge(
                withConsent(branches.get("consent-needed"), consents, topics, options),
                Named.as("merge-enriched-accesses"));

    KStream<String, ComplianceAlert> alerts = judged(builder, enriched, topics, policy, clock);

    alerts.to(
        topics.alerts().name(),
        Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde())
            .withName("compliance-alerts-sink"));
    return builder.build();
  }

  private static KStream<String, ComplianceAlert> judged(
      StreamsBuilder builder,
      KStream<String, EnrichedAccess> enriched,
      AuditTopics topics,
      Policy policy,
      Clock clock) {
    KStream<String, ComplianceAlert> alerts = judgedAccesses(builder, enriched, policy, clock);
    if (!RepeatSuppressor.anySuppression(policy)) {
      return alerts;
    }
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(SUPPRESSION_STORE),
            Serdes.String(),
            topics.alerts().valueSerde()));
    return alerts.process(
        () -> new SuppressRepeats(new RepeatSuppressor(policy), SUPPRESSION_STORE),
        Named.as("suppress-repeats"),
        SUPPRESSION_STORE);
  }

  /**
   * Every per-access rule, and BULK_ACCESS with its window store when the policy has the rule (a
   * store nothing writes would make every exactly-once restart look like lost state).
   */
  private static KStream<String, ComplianceAlert> judgedAccesses(
      StreamsBuilder builder,
      KStream<String, EnrichedAccess> enriched,
      Policy policy,
      Clock clock) {
    AccessJudge judge = new AccessJudge(policy);
    Duration bulkWindow = BulkAccessTracker.longestWindow(policy);
    if (bulkWindow.isZero()) {
      return enriched.processValues(
          () -> new JudgeAccess(judge, null, clock), Named.as("judge-access"));
    }
    builder.addStateStore(
        Stores.windowStoreBuilder(
                Stores.persistentWindowStore(
                    BULK_STORE, bulkWindow.multipliedBy(2), Duration.ofMillis(1), false),
                Serdes.String(),
                visitorListSerde())
            .withLoggingEnabled(WINDOW_CHANGELOG));
    return enriched.processValues(
        () -> new JudgeAccess(judge, BULK_STORE, clock), Named.as("judge-access"), BULK_STORE);
  }

  @SuppressWarnings("unchecked")
  private static Serde<List<String>> visitorListSerde() {
    Serde<List<String>> serde = Serdes.ListSerde(ArrayList.class, Serdes.String());
    return serde;
  }

  private static KStream<String, AccessEvent> validAccesses(
      StreamsBuilder builder, AuditTopics topics, PipelineOptions options) {
    builder.addStateStore(
        Stores.windowStoreBuilder(
                Stores.persistentWindowStore(
                    DEDUP_STORE, options.dedupWindow(), options.dedupWindow(), false),
                Serdes.String(),
                Serdes.Long())
            .withLoggingEnabled(WINDOW_CHANGELOG));
    return builder.stream(
            topics.accessEvents().name(),
            Consumed.with(topics.accessEvents().keySerde(), topics.accessEvents().valueSerde())
                .withTimestampExtractor(new EventTimeExtractor())
                .withName("access-events-source"))
        .processValues(ValidateAccessEvent::new, Named.as("validate-access-event"))
        .processValues(
            () -> new DeduplicateByEventId(DEDUP_STORE, options.dedupWindow()),
            Named.as("deduplicate-by-event-id"),
            DEDUP_STORE);
  }

  private static KStream<String, EnrichedAccess> withConsent(
      KStream<String, EnrichedAccess> candidates,
      KTable<String, VisitorConsent> consents,
      AuditTopics topics,
      PipelineOptions options) {
    var enrichedSerde = topics.enrichedSerde();
    return candidates
        .selectKey((staff, access) -> access.getEvent().getVisitorId(), Named.as("key-by-visitor"))
        .repartition(
            Repartitioned.with(Serdes.String(), enrichedSerde).withName("access-by-visitor"))
        .leftJoin(
            consents,
            Joiners::withConsent,
            joined("join-consent", enrichedSerde, topics.consents().valueSerde(), options))
        .selectKey((visitor, access) -> access.getEvent().getStaffId(), Named.as("key-by-staff"))
        .repartition(
            Repartitioned.with(Serdes.String(), enrichedSerde).withName("access-by-staff"));
  }

  private static <V> KTable<String, V> versionedTable(
      StreamsBuilder builder, Topic<String, V> topic, String storeName, PipelineOptions options) {
    return builder.table(
        topic.name(),
        Consumed.with(topic.keySerde(), topic.valueSerde())
            .withTimestampExtractor(new EventTimeExtractor())
            .withName(topic.name() + "-source"),
        Materialized.<String, V>as(
                Stores.persistentVersionedKeyValueStore(storeName, options.historyRetention()))
            .withKeySerde(topic.keySerde())
            .withValueSerde(topic.valueSerde()));
  }

  /**
   * A named stream-table join; with a zero grace no buffer at all, since Kafka Streams buffers
   * whenever a grace period is set, even a zero one.
   */
  private static <L, R> Joined<String, L, R> joined(
      String name, Serde<L> left, Serde<R> right, PipelineOptions options) {
    Joined<String, L, R> joined = Joined.with(Serdes.String(), left, right).withName(name);
    return options.grace().isZero() ? joined : joined.withGracePeriod(options.grace());
  }
}
