package dev.accessaudit.streams.judgement;

import dev.accessaudit.avro.ComplianceAlert;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The judgement state of one partition in maps: the bulk-access visitor windows and the standing
 * alerts of repeat suppression, where the live pipeline keeps them in state stores. A replay (and
 * the tests) use it. A partition's state never concerns another partition (both are keyed by staff
 * member), so each partition gets its own and drops it when done.
 */
public final class MapState implements VisitorWindows, StandingAlerts {

  private final Map<WindowKey, Set<String>> windows = new HashMap<>();
  private final Map<String, ComplianceAlert> standing = new HashMap<>();

  @Override
  public int count(String staffId, long windowStart) {
    Set<String> visitors = windows.get(new WindowKey(staffId, windowStart));
    return visitors == null ? 0 : visitors.size();
  }

  @Override
  public boolean contains(String staffId, long windowStart, String visitorId) {
    Set<String> visitors = windows.get(new WindowKey(staffId, windowStart));
    return visitors != null && visitors.contains(visitorId);
  }

  @Override
  public void add(String staffId, long windowStart, String visitorId, int count) {
    windows
        .computeIfAbsent(new WindowKey(staffId, windowStart), k -> new HashSet<>())
        .add(visitorId);
  }

  @Override
  public ComplianceAlert get(String key) {
    return standing.get(key);
  }

  @Override
  public void put(String key, ComplianceAlert alert) {
    standing.put(key, alert);
  }

  @Override
  public void delete(String key) {
    standing.remove(key);
  }

  @Override
  public List<ComplianceAlert> all() {
    return new ArrayList<>(standing.values());
  }

  /** Forgets the bulk windows that started before {@code start}: no later access can reach them. */
  public void forgetWindowsBefore(long start) {
    windows.keySet().removeIf(k -> k.start() < start);
  }

  private record WindowKey(String staffId, long start) {}
}
