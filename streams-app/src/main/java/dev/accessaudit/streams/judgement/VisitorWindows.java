package dev.accessaudit.streams.judgement;

/**
 * Where the bulk-access count keeps the distinct visitors each staff member touched per window: a
 * window store in the topology, maps in tests. Each question is answered in constant time, whatever
 * the number of visitors in the window.
 */
public interface VisitorWindows {

  /** How many distinct visitors are recorded for the staff member's window; 0 when none. */
  int count(String staffId, long windowStart);

  /** Whether the visitor is recorded in the staff member's window. */
  boolean contains(String staffId, long windowStart, String visitorId);

  /** Records the visitor in the staff member's window, which then counts {@code count}. */
  void add(String staffId, long windowStart, String visitorId, int count);
}
