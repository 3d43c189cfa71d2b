package dev.accessaudit.streams.judgement;

import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.policy.PolicyRule;
import dev.accessaudit.streams.policy.PolicyVersion;
import dev.accessaudit.streams.rules.AccessContext;
import dev.accessaudit.streams.rules.Violation;
import dev.accessaudit.streams.rules.staff.BulkAccessRule;
import java.time.Duration;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts the distinct visitors each staff member touches per tumbling window and raises BULK_ACCESS
 * once, on the access that takes the count past the threshold of the policy version in force. The
 * alert is named after that access, so its id is the same in a replay, which sees a staff member's
 * accesses in the same (partition) order. A window stops collecting visitors once it has alerted,
 * which bounds it to threshold + 1 visitors and a count.
 */
public final class BulkAccessTracker {

  private final Policy policy;
  private final Map<PolicyVersion, Optional<PolicyRule>> rules = new IdentityHashMap<>();

  public BulkAccessTracker(Policy policy) {
    this.policy = policy;
    policy.versions().forEach(v -> rules.put(v, rule(v)));
  }

  /** The longest bulk window of any version: how long window state must be kept. */
  public static Duration longestWindow(Policy policy) {
    return policy.versions().stream()
        .flatMap(v -> rule(v).stream())
        .map(r -> ((BulkAccessRule) r.rule()).window())
        .max(Duration::compareTo)
        .orElse(Duration.ZERO);
  }

  /** Records the access; returns the BULK_ACCESS alert when this access crosses the threshold. */
  public Optional<ComplianceAlert> record(
      AccessContext access, VisitorWindows windows, Instant detectedAt) {
    PolicyVersion version = policy.versionAt(access.event().getOccurredAt());
    Optional<PolicyRule> bound = rules.get(version);
    if (bound.isEmpty()) {
      return Optional.empty();
    }
    BulkAccessRule rule = (BulkAccessRule) bound.get().rule();
    String staffId = access.event().getStaffId();
    long start = windowStart(access.occurredAt(), rule.window());
    int count = windows.count(staffId, start);
    String visitor = access.event().getVisitorId();
    if (count > rule.threshold() || windows.contains(staffId, start, visitor)) {
      return Optional.empty();
    }
    windows.add(staffId, start, visitor, count + 1);
    Instant windowStart = Instant.ofEpochMilli(start);
    Optional<Violation> violation =
        rule.checkCount(staffId, count + 1, windowStart, windowStart.plus(rule.window()));
    return violation.map(v -> AccessJudge.alert(access, version, bound.get(), v, detectedAt));
  }

  /** Start of the epoch-aligned tumbling window that contains the instant. */
  static long windowStart(long epochMillis, Duration window) {
    long size = window.toMillis();
    return Math.floorDiv(epochMillis, size) * size;
  }

  private static Optional<PolicyRule> rule(PolicyVersion version) {
    return version.rules().stream().filter(r -> r.rule() instanceof BulkAccessRule).findFirst();
  }
}
