package dev.accessaudit.replay;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.streams.judgement.AccessJudge;
import dev.accessaudit.streams.judgement.BulkAccessTracker;
import dev.accessaudit.streams.judgement.RepeatSuppressor;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.rules.AccessContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Judges the accesses of one partition exactly as the live topology's judging processors do, with
 * the same classes: {@link AccessJudge} for the per-access rules, {@link BulkAccessTracker} for
 * BULK_ACCESS and {@link RepeatSuppressor} for folding repeats, with {@link MapState} where the
 * pipeline has state stores. Accesses must come in judgement order ({@link
 * ReplayAccess#JUDGEMENT_ORDER}); agreement and consent are looked up as of each access's time.
 *
 * <p>Stream time, which closes suppression windows, is emulated as the live pipeline sees it when
 * it releases an access from the grace buffer (its time plus the grace period), checked once per
 * minute of stream time like the live punctuation.
 */
final class PartitionJudge {

  private static final long PUNCTUATION_MS = Duration.ofMinutes(1).toMillis();
  private static final int FORGET_EVERY = 65_536;

  private final Policy policy;
  private final AccessJudge judge;
  private final BulkAccessTracker bulk;
  private final RepeatSuppressor suppressor;
  private final boolean suppressing;
  private final StateHistory history;
  private final long graceMs;
  private final long bulkWindowMs;
  private final Instant detectedAt;

  PartitionJudge(Policy policy, StateHistory history, Duration grace, Instant detectedAt) {
    this.policy = policy;
    this.judge = new AccessJudge(policy);
    this.bulk = new BulkAccessTracker(policy);
    this.suppressor = new RepeatSuppressor(policy);
    this.suppressing = RepeatSuppressor.anySuppression(policy);
    this.history = history;
    this.graceMs = grace.toMillis();
    this.bulkWindowMs = BulkAccessTracker.longestWindow(policy).toMillis();
    this.detectedAt = detectedAt;
  }

  /**
   * Judges the accesses in order and gives {@code sink} every alert the pipeline would publish,
   * updates of folded alerts included; {@code finalStreamTime} closes the suppression windows that
   * the pipeline would have closed by the end of the partition.
   */
  void judge(List<ReplayAccess> accesses, long finalStreamTime, Consumer<ComplianceAlert> sink) {
    MapState state = new MapState();
    long streamTime = Long.MIN_VALUE;
    long nextPunctuation = Long.MIN_VALUE;
    int sinceForget = 0;
    for (ReplayAccess access : accesses) {
      judgeOne(access.event(), state, sink);
      streamTime = Math.max(streamTime, access.time() + graceMs);
      if (suppressing && streamTime >= nextPunctuation) {
        suppressor.close(streamTime, state).forEach(sink);
        nextPunctuation =
            Math.floorDiv(streamTime, PUNCTUATION_MS) * PUNCTUATION_MS + PUNCTUATION_MS;
      }
      if (++sinceForget == FORGET_EVERY) {
        state.forgetWindowsBefore(access.time() - bulkWindowMs);
        sinceForget = 0;
      }
    }
    if (suppressing) {
      suppressor.close(Math.max(streamTime, finalStreamTime), state).forEach(sink);
    }
  }

  private void judgeOne(AccessEvent event, MapState state, Consumer<ComplianceAlert> sink) {
    long time = event.getOccurredAt().toEpochMilli();
    AccessContext access =
        new AccessContext(
            event,
            history.agreementAt(event.getStaffId(), time),
            policy.needsConsent(event) ? history.consentAt(event.getVisitorId(), time) : null);
    List<ComplianceAlert> alerts = judge.judge(access, detectedAt);
    var bulkAlert = bulk.record(access, state, detectedAt);
    if (bulkAlert.isPresent()) {
      alerts = new ArrayList<>(alerts);
      alerts.add(bulkAlert.get());
    }
    for (ComplianceAlert alert : alerts) {
      if (suppressing) {
        suppressor.offer(alert, state).ifPresent(sink);
      } else {
        sink.accept(alert);
      }
    }
  }
}
