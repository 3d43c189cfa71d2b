package dev.accessaudit.replay;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * The live agreement join's grace buffer, emulated: an access waits until the join's observed
 * stream time (the latest access time it has seen) is at least its time plus the grace period, and
 * accesses leave in time order (ties: by staff member, then arrival, as the buffer's store keys
 * them). An access that arrives more than the grace period behind is not buffered but judged at
 * once, as the live join does.
 */
final class GraceBuffer {

  private static final Comparator<ReplayAccess> RELEASE_ORDER =
      Comparator.comparingLong(ReplayAccess::time)
          .thenComparing(a -> a.event().getStaffId())
          .thenComparingLong(ReplayAccess::offset);

  private final long graceMs;
  private final PriorityQueue<ReplayAccess> waiting = new PriorityQueue<>(RELEASE_ORDER);
  private long observed = Long.MIN_VALUE;

  GraceBuffer(long graceMs) {
    this.graceMs = graceMs;
  }

  /** Takes one access in; gives {@code judge} every access that is now due, in release order. */
  void offer(ReplayAccess access, Consumer<ReplayAccess> judge) {
    observed = Math.max(observed, access.time());
    if (graceMs == 0 || observed - graceMs > access.time()) {
      judge.accept(access);
      return;
    }
    waiting.add(access);
    long due = observed - graceMs;
    while (!waiting.isEmpty() && waiting.peek().time() <= due) {
      judge.accept(waiting.poll());
    }
  }

  /** Releases every access still waiting, in release order (a replay judges them all). */
  void drain(Consumer<ReplayAccess> judge) {
    while (!waiting.isEmpty()) {
      judge.accept(waiting.poll());
    }
  }
}
