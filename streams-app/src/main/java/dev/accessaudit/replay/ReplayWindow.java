package dev.accessaudit.replay;

import dev.accessaudit.streams.judgement.BulkAccessTracker;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.policy.PolicyRule;
import java.time.Duration;
import java.time.Instant;

/**
 * Which accesses a replay of a period must judge to reproduce the period's alerts. Stateful rules
 * look beyond the period: a BULK_ACCESS count includes earlier accesses of the same window, a
 * standing alert from before the period folds repeats inside it, and repeats after the period fold
 * into alerts inside it. So the replay judges from one bulk window plus one suppression window
 * before the period to one suppression window after it, and reports only on the period.
 *
 * @param judgeFrom first access time judged
 * @param judgeTo end (exclusive) of the access times judged
 */
record ReplayWindow(Instant judgeFrom, Instant judgeTo) {

  static ReplayWindow of(ReplayRequest request, Policy policy) {
    Duration suppression = longestSuppression(policy);
    Duration before = BulkAccessTracker.longestWindow(policy).plus(suppression);
    return new ReplayWindow(safeMinus(request.from(), before), safePlus(request.to(), suppression));
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
    return t.plus(d).isAfter(Instant.ofEpochMilli(Long.MAX_VALUE / 2))
        ? Instant.ofEpochMilli(Long.MAX_VALUE / 2)
        : t.plus(d);
  }
}
