package dev.accessaudit.replay;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The full history of a state topic in memory: per key, every version by the time it takes effect.
 * A tombstone is kept as a version with no value ("none from then on"). Two versions with the same
 * time: the later one read wins, as in the pipeline's versioned store.
 *
 * @param <V> the value type
 */
final class VersionedHistory<V> {

  private static final Object NONE = new Object();

  private final Map<String, NavigableMap<Long, Object>> versions = new HashMap<>();
  private long count;

  /** Records the version of {@code key} in force from {@code from}; null value = a tombstone. */
  void put(String key, long from, V value) {
    versions.computeIfAbsent(key, k -> new TreeMap<>()).put(from, value == null ? NONE : value);
    count++;
  }

  /** The version in force at {@code time}, or null when none was on record (never, or deleted). */
  @SuppressWarnings("unchecked")
  V asOf(String key, long time) {
    NavigableMap<Long, Object> history = versions.get(key);
    if (history == null) {
      return null;
    }
    Map.Entry<Long, Object> entry = history.floorEntry(time);
    return entry == null || entry.getValue() == NONE ? null : (V) entry.getValue();
  }

  /** How many records (versions and tombstones) were read. */
  long records() {
    return count;
  }
}
