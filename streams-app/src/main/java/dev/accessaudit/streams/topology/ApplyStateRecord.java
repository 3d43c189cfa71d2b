package dev.accessaudit.streams.topology;

import dev.accessaudit.avro.EnrichedAccess;
import dev.accessaudit.avro.StateCorrection;
import dev.accessaudit.streams.errors.InvalidStateRecordException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Applies agreement or consent records to their versioned store, each as of its own {@code
 * effectiveFrom} (a tombstone as of its record timestamp), whatever order they arrive in; then
 * corrects: every kept access the record changes the state in force for is forwarded again, with
 * the new state and a {@link StateCorrection} naming the record, to be judged again.
 *
 * <p>The record timestamp is the publish time. A record is rejected (to the state dead-letter
 * topic, through the processing exception handler) when its key is missing or differs from the id
 * in its value, when it takes effect more than the history retention before it was published (the
 * store would not keep it), or more than the schedule-ahead bound after.
 *
 * @param <V> the state's value type
 */
final class ApplyStateRecord<V> implements Processor<String, V, String, EnrichedAccess> {

  private final StateKind<V> kind;
  private final String stateName;
  private final String keptName;
  private final boolean keepsRevised;
  private final long historyRetentionMs;
  private final long maxAheadMs;
  private ProcessorContext<String, EnrichedAccess> context;
  private VersionedKeyValueStore<String, V> state;
  private KeptAccesses kept;

  /**
   * @param keptName the kept accesses that this state may correct
   * @param keepsRevised whether this processor updates the kept accesses itself (false where the
   *     judging step downstream keeps them)
   */
  ApplyStateRecord(
      StateKind<V> kind,
      PipelineOptions options,
      String stateName,
      String keptName,
      boolean keepsRevised) {
    this.kind = kind;
    this.stateName = stateName;
    this.keptName = keptName;
    this.keepsRevised = keepsRevised;
    this.historyRetentionMs = options.historyRetention().toMillis();
    this.maxAheadMs = options.maxScheduleAhead().toMillis();
  }

  @Override
  public void init(ProcessorContext<String, EnrichedAccess> context) {
    this.context = context;
    this.state = context.getStateStore(stateName);
    WindowStore<String, EnrichedAccess> keptStore = context.getStateStore(keptName);
    this.kept = new KeptAccesses(keptStore);
  }

  @Override
  public void process(Record<String, V> record) {
    long publishedAt = record.timestamp();
    long effective = check(record.key(), record.value(), publishedAt);
    state.put(record.key(), record.value(), effective);
    correct(record.key(), effective, describe(record, effective));
  }

  /** The time the record takes effect from; throws when it may not be applied. */
  private long check(String key, V value, long publishedAt) {
    if (key == null) {
      throw new InvalidStateRecordException("the " + kind.noun() + " record has no key");
    }
    if (value != null && !key.equals(kind.idOf(value))) {
      throw new InvalidStateRecordException(
          "the record key differs from the id in the " + kind.noun() + " it carries");
    }
    long effective = value == null ? publishedAt : kind.effectiveFrom(value).toEpochMilli();
    if (effective < 0) {
      throw new InvalidStateRecordException(
          "the " + kind.noun() + " takes effect before 1970-01-01T00:00:00Z");
    }
    if (effective < publishedAt - historyRetentionMs) {
      throw new InvalidStateRecordException(
          String.format(
              "the %s takes effect at %s, more than the history retention (audit.history.retention,"
                  + " %d days) before it was published at %s, so it would not be kept",
              kind.noun(),
              Instant.ofEpochMilli(effective),
              Duration.ofMillis(historyRetentionMs).toDays(),
              Instant.ofEpochMilli(publishedAt)));
    }
    if (effective > publishedAt + maxAheadMs) {
      throw new InvalidStateRecordException(
          String.format(
              "the %s takes effect at %s, more than audit.time.max-schedule-ahead (%d days) after"
                  + " it was published at %s",
              kind.noun(),
              Instant.ofEpochMilli(effective),
              Duration.ofMillis(maxAheadMs).toDays(),
              Instant.ofEpochMilli(publishedAt)));
    }
    return effective;
  }

  /** Forwards every kept access from {@code effective} on whose state in force has changed. */
  private void correct(String key, long effective, String reason) {
    for (EnrichedAccess access : kept.from(key, effective)) {
      long time = access.getEvent().getOccurredAt().toEpochMilli();
      VersionedRecord<V> inForce = state.get(key, time);
      V now = inForce == null ? null : inForce.value();
      if (Objects.equals(now, kind.current(access))) {
        continue;
      }
      EnrichedAccess revised = kind.with(access, now);
      if (keepsRevised) {
        kept.keep(key, revised);
      }
      StateCorrection correction = new StateCorrection(kind.corrected(), reason);
      context.forward(
          new Record<>(
              key,
              new EnrichedAccess(
                  revised.getEvent(),
                  revised.getAgreement(),
                  revised.getConsentLookedUp(),
                  revised.getConsent(),
                  correction),
              time));
    }
  }

  private String describe(Record<String, V> record, long effective) {
    String what =
        record.value() == null
            ? "the removal of the " + kind.noun() + " of " + record.key()
            : "the " + kind.noun() + " record of " + record.key();
    return String.format(
        "%s effective %s, published %s, arrived after the access was judged",
        what, Instant.ofEpochMilli(effective), Instant.ofEpochMilli(record.timestamp()));
  }
}
