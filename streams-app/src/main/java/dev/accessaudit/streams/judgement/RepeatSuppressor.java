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
 */
public final class RepeatSuppressor {

  public static final String SUPPRESSED_UNTIL = "suppressedUntil";
  public static final String SUPPRESSED_REPEATS = "suppressedRepeats";
  public static final String LAST_SUPPRESSED_EVENT = "lastSuppressedEventId";

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
   * The alerts to publish now: the alert itself when it starts a window (preceded by the update of
   * an expired window the stream-time check has not closed yet, so no count is lost), or nothing
   * when it repeats a standing alert and is folded into it.
   */
  public List<ComplianceAlert> offer(ComplianceAlert alert, StandingAlerts standing) {
    Duration window = suppressFor(alert);
    if (window.isZero()) {
      return List.of(alert);
    }
    String key = key(alert);
    ComplianceAlert current = standing.get(key);
    if (current != null && alert.getOccurredAt().isBefore(until(current))) {
      standing.put(key, folded(current, alert));
      return List.of();
    }
    List<ComplianceAlert> publish = new ArrayList<>(2);
    if (current != null && hasRepeats(current)) {
      publish.add(current);
    }
    ComplianceAlert first =
        withDetails(alert, Map.of(SUPPRESSED_UNTIL, alert.getOccurredAt().plus(window).toString()));
    standing.put(key, withDetails(first, Map.of(SUPPRESSED_REPEATS, "0")));
    publish.add(first);
    return publish;
  }

  /** Closes every window that ended at or before stream time; returns the updates to publish. */
  public List<ComplianceAlert> close(long streamTime, StandingAlerts standing) {
    List<ComplianceAlert> updates = new ArrayList<>();
    for (ComplianceAlert alert : standing.all()) {
      if (until(alert).toEpochMilli() <= streamTime) {
        standing.delete(key(alert));
        if (hasRepeats(alert)) {
          updates.add(alert);
        }
      }
    }
    return updates;
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
