package dev.accessaudit.replay;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.streams.judgement.AccessJudge;
import dev.accessaudit.streams.judgement.BulkAccessTracker;
import dev.accessaudit.streams.judgement.MapState;
import dev.accessaudit.streams.judgement.RepeatSuppressor;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.rules.AccessContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Judges the accesses of one partition exactly as the live topology's judging processors do, with
 * the same classes: {@link AccessJudge} for the per-access rules, {@link BulkAccessTracker} for
 * BULK_ACCESS and {@link RepeatSuppressor} for folding repeats, with {@link MapState} where the
 * pipeline has state stores. Agreement and consent are looked up as of each access's time. One
 * instance per partition: {@link PartitionTask} feeds it accesses in the pipeline's order.
 */
final class PartitionJudge {

  private static final int FORGET_EVERY = 65_536;

  private final Policy policy;
  private final AccessJudge judge;
  private final BulkAccessTracker bulk;
  private final RepeatSuppressor suppressor;
  private final boolean suppressing;
  private final StateHistory history;
  private final long bulkWindowMs;
  private final Instant detectedAt;
  private final MapState state = new MapState();
  private int sinceForget;

  PartitionJudge(Policy policy, StateHistory history, Instant detectedAt) {
    this.policy = policy;
    this.judge = new AccessJudge(policy);
    this.bulk = new BulkAccessTracker(policy);
    this.suppressor = new RepeatSuppressor(policy);
    this.suppressing = RepeatSuppressor.anySuppression(policy);
    this.history = history;
    this.bulkWindowMs = BulkAccessTracker.longestWindow(policy).toMillis();
    this.detectedAt = detectedAt;
  }

  boolean suppressing() {
    return suppressing;
  }

  /** Judges one access and gives {@code sink} the alerts the pipeline would publish for it. */
  void judge(ReplayAccess access, Consumer<ComplianceAlert> sink) {
    judgeOne(access.event(), state, sink);
    if (++sinceForget == FORGET_EVERY) {
      state.forgetWindowsBefore(access.time() - 2 * bulkWindowMs);
      sinceForget = 0;
    }
  }

  /** Closes the suppression windows that ended by {@code streamTime}; publishes their updates. */
  void close(long streamTime, Consumer<ComplianceAlert> sink) {
    suppressor.close(streamTime, state).forEach(sink);
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
        suppressor.offer(alert, state).forEach(sink);
      } else {
        sink.accept(alert);
      }
    }
  }
}
