package dev.accessaudit.producers.simulator;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The staff member currently being driven towards bulk access, and those who just got there.
 *
 * <p>A burst takes over some compliant accesses, each to a new visitor, until its target has
 * touched exactly {@link GroundTruth#BULK_THRESHOLD} distinct visitors in the hour; the next
 * bulk-access violation then makes it one more. Afterwards the target rests until its window ends,
 * so that the window holds exactly one access beyond the threshold. Targets are set aside from all
 * other traffic so that nothing else moves their count.
 */
final class BulkBurst {

  private StaffMember target;
  private final Map<String, Long> resting = new HashMap<>();

  /** Whether {@code m} must not be used for other traffic at {@code at}. */
  boolean excludes(StaffMember m, Instant at) {
    Long until = resting.get(m.id());
    return m.equals(target) || (until != null && at.toEpochMilli() < until);
  }

  StaffMember target() {
    return target;
  }

  boolean active() {
    return target != null;
  }

  void start(StaffMember m) {
    target = m;
  }

  /** The target has gone past the threshold at {@code at}; it rests until the hour is over. */
  void complete(Instant at) {
    rest(at);
  }

  /**
   * Gives up on the target, e.g. because its agreement lapsed mid-burst; it rests until the hour is
   * over, since its count is already high.
   */
  void abandon(Instant at) {
    rest(at);
  }

  private void rest(Instant at) {
    resting.put(target.id(), BulkCounter.windowStart(at) + BulkCounter.WINDOW_MILLIS);
    target = null;
  }
}
