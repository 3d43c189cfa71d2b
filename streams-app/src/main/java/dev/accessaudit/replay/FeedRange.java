package dev.accessaudit.replay;

import dev.accessaudit.streams.judgement.BulkAccessTracker;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.policy.PolicyRule;
import dev.accessaudit.streams.topology.PipelineOptions;
import java.time.Duration;
import java.time.Instant;

/**
 * Which access records a replay of a period feeds, by record timestamp, so that the topology's
 * state for the period is what the live pipeline had. Before the period: one de-duplication window
 * (so a copy of an earlier event is dropped as live), one bulk window (so a BULK_ACCESS count
 * includes earlier accesses of its window) and the longest suppression window (so an alert standing
 * from before the period folds repeats inside it). After the period: the longest suppression window
 * (so repeats after the period fold into the period's alerts and the windows close) plus the grace
 * period (so accesses at the end of the period leave the grace buffer, which only stream time
 * empties) plus the correction horizon and a minute. Agreements and consents are always fed from
 * the beginning of their topics to their end, so a late record corrects the period's alerts as it
 * did live; the judged accesses it corrects are kept for the horizon of the access stream's time
 * (at their time rounded down to the minute), so that stream must go on as long as a record can
 * still reach back into the period, or records published long after it would correct alerts the
 * live pipeline had let stand.
 *
 * @param from first record time fed (inclusive)
 * @param to end of the record times fed (exclusive)
 */
record FeedRange(Instant from, Instant to) {

  /** Judged accesses are kept at their time rounded down to this. */
  private static final Duration KEPT_SLOT = Duration.ofMinutes(1);

  static FeedRange of(ReplayRequest request, Policy policy, PipelineOptions options) {
    Duration suppression = longestSuppression(policy);
    Duration before =
        options.dedupMemory().plus(BulkAccessTracker.longestWindow(policy)).plus(suppression);
    Duration after =
        suppression.plus(options.grace()).plus(options.correctionHorizon()).plus(KEPT_SLOT);
    return new FeedRange(safeMinus(request.from(), before), safePlus(request.to(), after));
  }

  static Duration longestSuppression(Policy policy) {
    return policy.versions().stream()
        .flatMap(v -> v.rules().stream())
        .map(PolicyRule::suppressFor)
        .max(Duration::compareTo)
        .orElse(Duration.ZERO);
  }

  private static Instant safeMinus(Instant t, Duration d) {
    return t.toEpochMilli() - d.toMillis() < 0 ? Instant.EPOCH : t.minus(d);
  }

  private static Instant safePlus(Instant t, Duration d) {
    Instant last = Instant.ofEpochMilli(Long.MAX_VALUE / 2);
    return t.plus(d).isAfter(last) ? last : t.plus(d);
  }
}
