package dev.accessaudit.streams.topology;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.EnrichedAccess;
import dev.accessaudit.streams.judgement.AccessJudge;
import dev.accessaudit.streams.judgement.BulkAccessTracker;
import dev.accessaudit.streams.judgement.RepeatSuppressor;
import dev.accessaudit.streams.policy.Policy;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The judging topology.
 *
 * <p>Inputs: {@code visitor-data-access} (key staffId, value AccessEvent, time occurredAt), {@code
 * staff-agreements} (key staffId, value StaffAgreement or a tombstone) and {@code visitor-consents}
 * (key visitorId, value VisitorConsent); a state record's record timestamp is its publish time.
 * Kafka Streams reads each task's partitions in timestamp order, so a state record published before
 * an access is read before it. State records go into versioned stores as of their {@code
 * effectiveFrom} ({@link ApplyStateRecord}); each access waits up to the grace period for late ones
 * and is then joined with the agreement and consent <em>in force at its occurredAt</em> ({@link
 * HoldForState}). A missing state (none on record) joins as null: for agreements that is the
 * AGREEMENT_MISSING case. A state record that arrives after accesses it governs, within the
 * correction horizon, has them judged again: alerts that no longer hold are republished RETRACTED,
 * alerts that now hold are raised.
 *
 * <p>Outputs: {@code compliance-alerts} (key staffId, value ComplianceAlert), and the dead-letter
 * topics, written by the exception handlers of {@link StreamsSettings} with the original bytes of
 * every record that cannot be decoded, is not a valid, correctly keyed access event, or is a state
 * record that cannot be applied.
 *
 * <p>Only events that some rule in force needs the visitor's consent for are re-keyed by visitor,
 * joined with the consents, and re-keyed back by staff.
 */
public final class AuditTopology {

  public static final String AGREEMENTS_STORE = "agreements-versioned";
  public static final String CONSENTS_STORE = "consents-versioned";
  public static final String DEDUP_STORE = "access-event-ids";
  public static final String BULK_STORE = "bulk-access-counts";
  public static final String SUPPRESSION_STORE = "standing-alerts";
  public static final String AGREEMENT_BUFFER = "agreement-grace-buffer";
  public static final String CONSENT_BUFFER = "consent-grace-buffer";
  public static final String JUDGED_STORE = "judged-accesses";
  public static final String CONSENT_KEPT_STORE = "consent-judged-accesses";

  /**
   * A versioned store's changelog records carry each version's time, and restoring needs it. An
   * agreement scheduled ahead is a version in the future, which the broker refuses beyond an hour
   * unless the topic allows it.
   */
  private static final Map<String, String> VERSIONED_CHANGELOG =
      Map.of(TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, Long.toString(Long.MAX_VALUE));

  private AuditTopology() {}

  /** Builds the live topology; pure: no I/O, nothing started. */
  public static Topology build(
      AuditTopics topics, PipelineOptions options, Policy policy, Clock clock) {
    return build(topics, options, policy, clock, StateBacking.PERSISTENT);
  }

  /** Builds the topology with its access-path state kept as {@code backing} says. */
  public static Topology build(
      AuditTopics topics,
      PipelineOptions options,
      Policy policy,
      Clock clock,
      StateBacking backing) {
    return build(new StreamsBuilder(), topics, options, policy, clock, backing);
  }

  /**
   * Builds the topology into {@code builder} (a fresh one), for a runner that needs the builder
   * itself, such as the replay's task driver.
   */
  public static Topology build(
      StreamsBuilder builder,
      AuditTopics topics,
      PipelineOptions options,
      Policy policy,
      Clock clock,
      StateBacking backing) {
    addStateStores(builder, topics, options, backing);

    KStream<String, EnrichedAccess> agreementCorrections =
        stateRecords(builder, topics.agreements())
            .process(
                () ->
                    new ApplyStateRecord<>(
                        StateKind.AGREEMENTS, options, AGREEMENTS_STORE, JUDGED_STORE, false),
                Named.as("apply-agreement"),
                AGREEMENTS_STORE,
                JUDGED_STORE);

    KStream<String, EnrichedAccess> withAgreement =
        validAccesses(builder, topics, options, backing)
            .mapValues(Joiners::unjoined, Named.as("to-enriched-access"))
            .process(
                () ->
                    new HoldForState<>(
                        StateKind.AGREEMENTS,
                        options.grace(),
                        AGREEMENT_BUFFER,
                        AGREEMENTS_STORE,
                        null),
                Named.as("hold-for-agreement"),
                storesOf(options, AGREEMENT_BUFFER, AGREEMENTS_STORE));

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
                withConsent(branches.get("consent-needed"), builder, topics, options),
                Named.as("merge-enriched-accesses"))
            .merge(agreementCorrections, Named.as("merge-agreement-corrections"));

    KStream<String, ComplianceAlert> alerts =
        judged(builder, enriched, topics, policy, clock, backing);

    alerts.to(
        topics.alerts().name(),
        Produced.with(topics.alerts().keySerde(), topics.alerts().valueSerde())
            .withName("compliance-alerts-sink"));
    return builder.build();
  }

  private static void addStateStores(
      StreamsBuilder builder, AuditTopics topics, PipelineOptions options, StateBacking backing) {
    builder.addStateStore(versionedStore(AGREEMENTS_STORE, topics.agreements(), options));
    builder.addStateStore(versionedStore(CONSENTS_STORE, topics.consents(), options));
    builder.addStateStore(keptStore(JUDGED_STORE, topics, options, backing));
    builder.addStateStore(keptStore(CONSENT_KEPT_STORE, topics, options, backing));
    if (!options.grace().isZero()) {
      builder.addStateStore(bufferStore(AGREEMENT_BUFFER, topics, backing));
      builder.addStateStore(bufferStore(CONSENT_BUFFER, topics, backing));
    }
  }

  private static <V> StoreBuilder<VersionedKeyValueStore<String, V>> versionedStore(
      String name, Topic<String, V> topic, PipelineOptions options) {
    return Stores.versionedKeyValueStoreBuilder(
            Stores.persistentVersionedKeyValueStore(name, options.storeRetention()),
            topic.keySerde(),
            topic.valueSerde())
        .withLoggingEnabled(VERSIONED_CHANGELOG);
  }

  private static StoreBuilder<WindowStore<String, EnrichedAccess>> keptStore(
      String name, AuditTopics topics, PipelineOptions options, StateBacking backing) {
    return backing.windowStore(
        name,
        options.correctionHorizon(),
        Duration.ofMillis(1),
        Serdes.String(),
        topics.enrichedSerde());
  }

  private static StoreBuilder<KeyValueStore<Bytes, EnrichedAccess>> bufferStore(
      String name, AuditTopics topics, StateBacking backing) {
    return backing.keyValueStore(name, Serdes.Bytes(), topics.enrichedSerde());
  }

  /** The grace buffer (when there is a grace) and the state store a hold step uses. */
  private static String[] storesOf(PipelineOptions options, String buffer, String state) {
    return options.grace().isZero() ? new String[] {state} : new String[] {buffer, state};
  }

  private static <V> KStream<String, V> stateRecords(
      StreamsBuilder builder, Topic<String, V> topic) {
    return builder.stream(
        topic.name(),
        Consumed.with(topic.keySerde(), topic.valueSerde())
            .withTimestampExtractor(new EventTimeExtractor())
            .withName(topic.name() + "-source"));
  }

  private static KStream<String, ComplianceAlert> judged(
      StreamsBuilder builder,
      KStream<String, EnrichedAccess> enriched,
      AuditTopics topics,
      Policy policy,
      Clock clock,
      StateBacking backing) {
    KStream<String, ComplianceAlert> alerts =
        judgedAccesses(builder, enriched, policy, clock, backing);
    if (!RepeatSuppressor.anySuppression(policy)) {
      return alerts;
    }
    builder.addStateStore(
        backing.keyValueStore(SUPPRESSION_STORE, Serdes.String(), topics.alerts().valueSerde()));
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
      Clock clock,
      StateBacking backing) {
    AccessJudge judge = new AccessJudge(policy);
    Duration bulkWindow = BulkAccessTracker.longestWindow(policy);
    if (bulkWindow.isZero()) {
      return enriched.processValues(
          () -> new JudgeAccess(judge, null, JUDGED_STORE, AGREEMENTS_STORE, clock),
          Named.as("judge-access"),
          JUDGED_STORE,
          AGREEMENTS_STORE);
    }
    builder.addStateStore(
        backing.windowStore(
            BULK_STORE,
            bulkWindow.multipliedBy(2),
            Duration.ofMillis(1),
            Serdes.String(),
            Serdes.Integer()));
    return enriched.processValues(
        () -> new JudgeAccess(judge, BULK_STORE, JUDGED_STORE, AGREEMENTS_STORE, clock),
        Named.as("judge-access"),
        BULK_STORE,
        JUDGED_STORE,
        AGREEMENTS_STORE);
  }

  private static KStream<String, AccessEvent> validAccesses(
      StreamsBuilder builder, AuditTopics topics, PipelineOptions options, StateBacking backing) {
    builder.addStateStore(
        backing.windowStore(
            DEDUP_STORE,
            options.dedupMemory(),
            options.dedupWindow(),
            Serdes.String(),
            Serdes.Long()));
    return builder.stream(
            topics.accessEvents().name(),
            Consumed.with(topics.accessEvents().keySerde(), topics.accessEvents().valueSerde())
                .withTimestampExtractor(new EventTimeExtractor())
                .withName("access-events-source"))
        .processValues(ValidateAccessEvent::new, Named.as("validate-access-event"))
        .processValues(
            () -> new DeduplicateByEventId(DEDUP_STORE, options.dedupWindow(), options.dedupSlot()),
            Named.as("deduplicate-by-event-id"),
            DEDUP_STORE);
  }

  /**
   * Re-keys consent candidates by visitor, holds and joins them with the consent in force, merges
   * in the consent corrections, and re-keys everything back by staff.
   */
  private static KStream<String, EnrichedAccess> withConsent(
      KStream<String, EnrichedAccess> candidates,
      StreamsBuilder builder,
      AuditTopics topics,
      PipelineOptions options) {
    var enrichedSerde = topics.enrichedSerde();
    KStream<String, EnrichedAccess> consentCorrections =
        stateRecords(builder, topics.consents())
            .process(
                () ->
                    new ApplyStateRecord<>(
                        StateKind.CONSENTS, options, CONSENTS_STORE, CONSENT_KEPT_STORE, true),
                Named.as("apply-consent"),
                CONSENTS_STORE,
                CONSENT_KEPT_STORE);
    String[] holdStores = storesOf(options, CONSENT_BUFFER, CONSENTS_STORE);
    String[] withKept = Arrays.copyOf(holdStores, holdStores.length + 1);
    withKept[holdStores.length] = CONSENT_KEPT_STORE;
    return candidates
        .selectKey((staff, access) -> access.getEvent().getVisitorId(), Named.as("key-by-visitor"))
        .repartition(
            Repartitioned.with(Serdes.String(), enrichedSerde).withName("access-by-visitor"))
        .process(
            () ->
                new HoldForState<>(
                    StateKind.CONSENTS,
                    options.grace(),
                    CONSENT_BUFFER,
                    CONSENTS_STORE,
                    CONSENT_KEPT_STORE),
            Named.as("hold-for-consent"),
            withKept)
        .merge(consentCorrections, Named.as("merge-consent-corrections"))
        .selectKey((visitor, access) -> access.getEvent().getStaffId(), Named.as("key-by-staff"))
        .repartition(
            Repartitioned.with(Serdes.String(), enrichedSerde).withName("access-by-staff"));
  }
}
