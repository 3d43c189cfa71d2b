package dev.accessaudit.producers.simulator;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Distinct visitors per staff member in tumbling one-hour windows aligned to the epoch. */
final class BulkCounter {

  static final long WINDOW_MILLIS = 3_600_000L;

  private final Map<String, Window> windows = new HashMap<>();

  private static final class Window {
    long start;
    final Set<String> visitors = new HashSet<>();
  }

  static long windowStart(Instant t) {
    return Math.floorDiv(t.toEpochMilli(), WINDOW_MILLIS) * WINDOW_MILLIS;
  }

  /** Counts the access; true when it takes the staff member past the bulk threshold. */
  boolean add(String staffId, String visitorId, Instant t) {
    Window w = window(staffId, t);
    boolean added = w.visitors.add(visitorId);
    return added && w.visitors.size() == GroundTruth.BULK_THRESHOLD + 1;
  }

  /** Distinct visitors of {@code staffId} so far in the window holding {@code t}. */
  int distinct(String staffId, Instant t) {
    return window(staffId, t).visitors.size();
  }

  /** Whether {@code staffId} already touched {@code visitorId} in the window holding {@code t}. */
  boolean seen(String staffId, String visitorId, Instant t) {
    return window(staffId, t).visitors.contains(visitorId);
  }

  private Window window(String staffId, Instant t) {
    Window w = windows.computeIfAbsent(staffId, id -> new Window());
    long start = windowStart(t);
    if (w.start != start) {
      w.start = start;
      w.visitors.clear();
    }
    return w;
  }
}
