package dev.accessaudit.streams.judgement;

import java.util.List;

/**
 * Where the bulk-access count keeps the distinct visitors each staff member touched per window: a
 * window store in the topology, a map in a replay.
 */
public interface VisitorWindows {

  /** The visitors recorded for the staff member's window, empty when none. */
  List<String> get(String staffId, long windowStart);

  void put(String staffId, long windowStart, List<String> visitors);
}
