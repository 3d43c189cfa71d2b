package dev.accessaudit.replay;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.ComplianceAlert;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What to replay: the accesses that occurred in [{@code from}, {@code to}), optionally only one
 * staff member's or those touching one visitor's data.
 *
 * @param from first instant of the period (inclusive)
 * @param to end of the period (exclusive)
 * @param staffId only this staff member's accesses and alerts
 * @param visitorId only accesses to this visitor's data, and their alerts
 * @param keepAccesses whether the result lists the replayed accesses themselves (for who-accessed,
 *     which reports one visitor's); held in memory
 * @param keepEventIds whether the result keeps the eventIds it judged (for --diff), on disk
 */
public record ReplayRequest(
    Instant from,
    Instant to,
    Optional<String> staffId,
    Optional<String> visitorId,
    boolean keepAccesses,
    boolean keepEventIds) {

  public ReplayRequest {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    staffId = staffId == null ? Optional.empty() : staffId;
    visitorId = visitorId == null ? Optional.empty() : visitorId;
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException(
          "the period is empty: --from " + from + " is not before --to " + to);
    }
  }

  public static ReplayRequest of(Instant from, Instant to) {
    return new ReplayRequest(from, to, Optional.empty(), Optional.empty(), false, false);
  }

  public ReplayRequest withStaff(String id) {
    return new ReplayRequest(
        from, to, Optional.ofNullable(id), visitorId, keepAccesses, keepEventIds);
  }

  public ReplayRequest withVisitor(String id) {
    return new ReplayRequest(
        from, to, staffId, Optional.ofNullable(id), keepAccesses, keepEventIds);
  }

  public ReplayRequest keepingAccesses() {
    return new ReplayRequest(from, to, staffId, visitorId, true, keepEventIds);
  }

  public ReplayRequest keepingEventIds() {
    return new ReplayRequest(from, to, staffId, visitorId, keepAccesses, true);
  }

  /** Whether the instant lies in the period. */
  boolean inPeriod(long epochMillis) {
    return epochMillis >= from.toEpochMilli() && epochMillis < to.toEpochMilli();
  }

  /** Whether the staff filter lets this staff member's accesses be judged at all. */
  boolean judges(String staff) {
    return staffId.isEmpty() || staffId.get().equals(staff);
  }

  /** Whether the access is one the replay reports on. */
  boolean reports(AccessEvent event) {
    return inPeriod(event.getOccurredAt().toEpochMilli())
        && judges(event.getStaffId())
        && visitorId.map(v -> v.equals(event.getVisitorId())).orElse(true);
  }

  /** Whether the alert belongs to an access the replay reports on. */
  boolean reports(ComplianceAlert alert) {
    return inPeriod(alert.getOccurredAt().toEpochMilli())
        && judges(alert.getStaffId())
        && visitorId.map(v -> v.equals(alert.getVisitorId())).orElse(true);
  }
}
