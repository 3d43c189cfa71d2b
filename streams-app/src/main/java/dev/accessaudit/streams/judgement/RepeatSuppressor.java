package dev.accessaudit.streams.judgement;

import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.policy.PolicyRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds alert floods. For a rule with a suppression window, the first alert for a staff member,
 * visitor and rule is published at once and stands for the window that starts at its occurredAt;
 * repeats inside the window are not published but counted. When stream time passes the window's end
 * the standing alert is published once more, same alertId, with the count and the last repeat's
 * event id in its details, so nothing is lost: a consumer keeping the latest record per alertId
 * sees every repeat accounted for.
 *
 * <p>A standing alert is kept for {@link #KEPT_AFTER_END} of stream time after its window's end: a
 * repeat from inside the window judged after the count was published (published late, or judged
 * after a record stamped ahead of its neighbours moved stream time on) still folds into it, and the
 * count is published again. So whether a repeat folds depends on its occurredAt and on the stream
 * time it is judged at, never on when the check that publishes the counts ({@link #close}) ran:
 * that check is a punctuation, which Kafka Streams runs after a batch of records live and after
 * each record in a replay.
 */
public final class RepeatSuppressor {

  public static final String SUPPRESSED_UNTIL = "suppressedUntil";
  public static final String SUPPRESSED_REPEATS = "suppressedRepeats";
  public static final String LAST_SUPPRESSED_EVENT = "lastSuppressedEventId";

  /** How long, in stream time, a standing alert still takes repeats after its window's end. */
  public static final Duration KEPT_AFTER_END = Duration.ofDays(1);

  /** Marks, in the store only and never on a published alert, a window whose count is published. */
  private static final String COUNT_PUBLISHED = "suppressionCountPublished";

  private final Policy policy;

  public RepeatSuppressor(Policy policy) {
    this.policy = policy;
  }

  /** Whether any rule of any version suppresses repeats (the topology needs no store otherwise). */
  public static boolean anySuppression(Policy policy) {
    return policy.versions().stream()
        .flatMap(v -> v.rules().stream())
        .anyMatch(r -> !r.suppressFor().isZero());
  }

  /**
   * The alerts to publish now: the alert itself when it starts a window (preceded by the count of
   * the window it ends, when the check has not published it yet, so no count is lost); nothing when
   * it repeats a standing alert and is folded into it; or, when the window's count was published
   * already, the standing alert again with the new count.
   *
   * @param streamTime the stream time of the task judging the alert
   */
  public List<ComplianceAlert> offer(
      ComplianceAlert alert, StandingAlerts standing, long streamTime) {
    Duration window = suppressFor(alert);
    if (window.isZero()) {
      return List.of(alert);
    }
    String key = key(alert);
    ComplianceAlert current = standing.get(key);
    if (current != null
        && !forgotten(current, streamTime)
        && alert.getOccurredAt().isBefore(until(current))) {
      ComplianceAlert folded = folded(current, alert);
      standing.put(key, folded);
      return countPublished(current) ? List.of(published(folded)) : List.of();
    }
    List<ComplianceAlert> publish = new ArrayList<>(2);
    if (current != null && hasRepeats(current) && !countPublished(current)) {
      publish.add(published(current));
    }
    ComplianceAlert first =
        withDetails(alert, Map.of(SUPPRESSED_UNTIL, alert.getOccurredAt().plus(window).toString()));
    standing.put(key, withDetails(first, Map.of(SUPPRESSED_REPEATS, "0")));
    publish.add(first);
    return publish;
  }

  /**
   * Publishes the count of every window that ended at or before stream time (once), and forgets the
   * standing alerts kept long enough; returns the updates to publish.
   */
  public List<ComplianceAlert> close(long streamTime, StandingAlerts standing) {
    List<ComplianceAlert> updates = new ArrayList<>();
    for (ComplianceAlert alert : standing.all()) {
      boolean ended = until(alert).toEpochMilli() <= streamTime;
      if (ended && !countPublished(alert) && hasRepeats(alert)) {
        updates.add(published(alert));
      }
      if (forgotten(alert, streamTime)) {
        standing.delete(key(alert));
      } else if (ended && !countPublished(alert)) {
        standing.put(key(alert), withDetails(alert, Map.of(COUNT_PUBLISHED, "true")));
      }
    }
    return updates;
  }

  private static boolean forgotten(ComplianceAlert standing, long streamTime) {
    return until(standing).plus(KEPT_AFTER_END).toEpochMilli() <= streamTime;
  }

  private static boolean countPublished(ComplianceAlert standing) {
    return standing.getDetails().containsKey(COUNT_PUBLISHED);
  }

  /** The standing alert as it is published: without the store's own mark. */
  private static ComplianceAlert published(ComplianceAlert standing) {
    if (!countPublished(standing)) {
      return standing;
    }
    Map<String, String> details = new HashMap<>(standing.getDetails());
    details.remove(COUNT_PUBLISHED);
    return ComplianceAlert.newBuilder(standing).setDetails(details).build();
  }

  private static boolean hasRepeats(ComplianceAlert standing) {
    return !"0".equals(standing.getDetails().get(SUPPRESSED_REPEATS));
  }

  static String key(ComplianceAlert alert) {
    return alert.getStaffId() + '\u0000' + alert.getVisitorId() + '\u0000' + alert.getRuleId();
  }

  private Duration suppressFor(ComplianceAlert alert) {
    return policy.versions().stream()
        .filter(v -> v.name().equals(alert.getPolicyVersion()))
        .findFirst()
        .flatMap(v -> v.rule(alert.getRuleId()))
        .map(PolicyRule::suppressFor)
        .orElse(Duration.ZERO);
  }

  private static Instant until(ComplianceAlert standing) {
    return Instant.parse(standing.getDetails().get(SUPPRESSED_UNTIL));
  }

  private static ComplianceAlert folded(ComplianceAlert standing, ComplianceAlert repeat) {
    int repeats = Integer.parseInt(standing.getDetails().get(SUPPRESSED_REPEATS)) + 1;
    return withDetails(
        standing,
        Map.of(
            SUPPRESSED_REPEATS, Integer.toString(repeats),
            LAST_SUPPRESSED_EVENT, repeat.getEventId()));
  }

  private static ComplianceAlert withDetails(ComplianceAlert alert, Map<String, String> more) {
    Map<String, String> details = new HashMap<>(alert.getDetails());
    details.putAll(more);
    return ComplianceAlert.newBuilder(alert).setDetails(details).build();
  }
}
