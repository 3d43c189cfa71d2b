package dev.accessaudit.producers.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * The records ready to hand out, in order, plus agreement records held back on purpose until
 * simulated time passes their release time.
 */
final class Outbox {

  private record Held(SimulatedRecord record, String staffId, Instant releaseAt) {}

  private final Deque<SimulatedRecord> ready = new ArrayDeque<>();
  private final List<Held> held = new ArrayList<>();
  private int added;

  void add(SimulatedRecord record) {
    ready.add(record);
    added++;
  }

  /** Holds {@code record} back until simulated time reaches {@code releaseAt}. */
  void addLate(SimulatedRecord record, String staffId, Instant releaseAt) {
    held.add(new Held(record, staffId, releaseAt));
    added++;
  }

  /** How many records were added so far, ready or held. */
  int added() {
    return added;
  }

  /** Makes every held record whose release time is at or before {@code now} ready. */
  void releaseUpTo(Instant now) {
    List<Held> due = held.stream().filter(h -> !h.releaseAt().isAfter(now)).toList();
    held.removeAll(due);
    due.stream().sorted(Comparator.comparing(Held::releaseAt)).forEach(h -> ready.add(h.record()));
  }

  /** Makes every held record ready, e.g. at the end of a bounded batch. */
  void releaseAll() {
    held.stream().sorted(Comparator.comparing(Held::releaseAt)).forEach(h -> ready.add(h.record()));
    held.clear();
  }

  /** Whether an agreement record of {@code staffId} is held back. */
  boolean latePending(String staffId) {
    for (Held h : held) {
      if (h.staffId().equals(staffId)) {
        return true;
      }
    }
    return false;
  }

  SimulatedRecord poll() {
    return ready.poll();
  }

  boolean isEmpty() {
    return ready.isEmpty();
  }
}
