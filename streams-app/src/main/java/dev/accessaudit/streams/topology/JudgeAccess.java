package dev.accessaudit.streams.topology;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.CorrectedState;
import dev.accessaudit.avro.EnrichedAccess;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.streams.judgement.AccessJudge;
import dev.accessaudit.streams.judgement.BulkAccessTracker;
import dev.accessaudit.streams.judgement.Rejudgement;
import dev.accessaudit.streams.judgement.VisitorWindows;
import dev.accessaudit.streams.rules.AccessContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.apache.kafka.streams.state.VersionedRecord;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Turns an enriched access into the alerts it raises under the policy version in force at its time:
 * every per-access rule, and BULK_ACCESS from the distinct visitors counted in a window store. Each
 * judged access is kept for the correction horizon; a correction (an access forwarded again because
 * a late state record changed its agreement or consent) is judged against the kept copy and
 * publishes only what changed ({@link Rejudgement}). An access that went through the consent's
 * grace buffer is judged with the agreement in force when it is judged (see {@link
 * #withAgreementInForce}).
 */
final class JudgeAccess implements FixedKeyProcessor<String, EnrichedAccess, ComplianceAlert> {

  private final AccessJudge judge;
  private final BulkAccessTracker bulk;
  private final Rejudgement rejudgement;
  private final String windowStoreName;
  private final String judgedStoreName;
  private final String agreementsStoreName;
  private final Clock clock;
  private FixedKeyProcessorContext<String, ComplianceAlert> context;
  private VisitorWindows windows;
  private KeptAccesses judged;
  private VersionedKeyValueStore<String, StaffAgreement> agreements;

  JudgeAccess(
      AccessJudge judge,
      String windowStoreName,
      String judgedStoreName,
      String agreementsStoreName,
      Clock clock) {
    this.judge = judge;
    this.bulk = new BulkAccessTracker(judge.policy());
    this.rejudgement = new Rejudgement(judge);
    this.windowStoreName = windowStoreName;
    this.judgedStoreName = judgedStoreName;
    this.agreementsStoreName = agreementsStoreName;
    this.clock = clock;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, ComplianceAlert> context) {
    this.context = context;
    this.windows =
        windowStoreName == null
            ? NO_WINDOWS
            : new StoreWindows(context.getStateStore(windowStoreName));
    WindowStore<String, EnrichedAccess> judgedStore = context.getStateStore(judgedStoreName);
    this.judged = new KeptAccesses(judgedStore);
    this.agreements = context.getStateStore(agreementsStoreName);
  }

  @Override
  public void process(FixedKeyRecord<String, EnrichedAccess> record) {
    if (record.value().getCorrection() != null) {
      correct(record);
      return;
    }
    EnrichedAccess enriched = withAgreementInForce(record.value());
    judged.keep(record.key(), enriched);
    AccessContext access = contextOf(enriched);
    Instant now = clock.instant();
    List<ComplianceAlert> alerts = new ArrayList<>(judge.judge(access, now));
    bulk.record(access, windows, now).ifPresent(alerts::add);
    alerts.forEach(alert -> context.forward(record.withValue(alert)));
  }

  /**
   * The access with the agreement in force at its time now. An access needing the visitor's consent
   * was joined with its agreement when it left the agreement's grace buffer, then waited for the
   * consent in the task of the visitor's partition, behind two repartition topics: an agreement
   * record that arrived meanwhile found it neither waiting for the agreement nor judged (so kept
   * for corrections), and would never have reached it. Such a record counts as one that arrived
   * within the grace. Other accesses were joined in this task as they were released, just before.
   */
  private EnrichedAccess withAgreementInForce(EnrichedAccess enriched) {
    if (!enriched.getConsentLookedUp()) {
      return enriched;
    }
    AccessEvent event = enriched.getEvent();
    VersionedRecord<StaffAgreement> inForce =
        agreements.get(event.getStaffId(), event.getOccurredAt().toEpochMilli());
    StaffAgreement now = inForce == null ? null : inForce.value();
    return Objects.equals(now, enriched.getAgreement())
        ? enriched
        : StateKind.AGREEMENTS.with(enriched, now);
  }

  /**
   * Judges a kept access again with the corrected state: the agreement from an agreement correction
   * (raised in this task), or the consent from a consent correction (raised in the consent task),
   * over the copy kept here, which has the latest of the other.
   */
  private void correct(FixedKeyRecord<String, EnrichedAccess> record) {
    EnrichedAccess correction = record.value();
    EnrichedAccess kept = judged.get(record.key(), correction.getEvent());
    if (kept == null) {
      return; // judged before the correction horizon, or never judged here
    }
    EnrichedAccess revised =
        correction.getCorrection().getKind() == CorrectedState.CONSENT
            ? StateKind.CONSENTS.with(kept, correction.getConsent())
            : StateKind.AGREEMENTS.with(kept, correction.getAgreement());
    judged.keep(record.key(), revised);
    rejudgement
        .changes(
            contextOf(kept),
            contextOf(revised),
            correction.getCorrection().getReason(),
            clock.instant())
        .forEach(alert -> context.forward(record.withValue(alert)));
  }

  private static AccessContext contextOf(EnrichedAccess enriched) {
    return new AccessContext(enriched.getEvent(), enriched.getAgreement(), enriched.getConsent());
  }

  /** For a policy without BULK_ACCESS: the tracker never asks. */
  private static final VisitorWindows NO_WINDOWS =
      new VisitorWindows() {
        @Override
        public int count(String staffId, long windowStart) {
          return 0;
        }

        @Override
        public boolean contains(String staffId, long windowStart, String visitorId) {
          return false;
        }

        @Override
        public void add(String staffId, long windowStart, String visitorId, int count) {
          throw new IllegalStateException("the policy has no BULK_ACCESS rule");
        }
      };

  /**
   * The bulk counts in a window store, at the window start: under {@code staffId NUL} the number of
   * distinct visitors, under {@code staffId NUL visitorId} a mark for each of them (0), so that no
   * look-up or write grows with the number of visitors.
   */
  private record StoreWindows(WindowStore<String, Integer> store) implements VisitorWindows {

    private static final char SEPARATOR = '\u0000';

    @Override
    public int count(String staffId, long windowStart) {
      Integer count = store.fetch(staffId + SEPARATOR, windowStart);
      return count == null ? 0 : count;
    }

    @Override
    public boolean contains(String staffId, long windowStart, String visitorId) {
      return store.fetch(staffId + SEPARATOR + visitorId, windowStart) != null;
    }

    @Override
    public void add(String staffId, long windowStart, String visitorId, int count) {
      store.put(staffId + SEPARATOR + visitorId, 0, windowStart);
      store.put(staffId + SEPARATOR, count, windowStart);
    }
  }
}
