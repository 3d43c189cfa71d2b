package dev.accessaudit.streams.judgement;

import dev.accessaudit.avro.ComplianceAlert;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The judgement state of one partition in maps: the bulk-access visitor windows and the standing
 * alerts of repeat suppression, where the live pipeline keeps them in state stores. A replay (and
 * the tests) use it. A partition's state never concerns another partition (both are keyed by staff
 * member), so each partition gets its own and drops it when done.
 */
public final class MapState implements VisitorWindows, StandingAlerts {

  private final Map<WindowKey, List<String>> windows = new HashMap<>();
  private final Map<String, ComplianceAlert> standing = new HashMap<>();

  @Override
  public List<String> get(String staffId, long windowStart) {
    return windows.getOrDefault(new WindowKey(staffId, windowStart), List.of());
  }

  @Override
  public void put(String staffId, long windowStart, List<String> visitors) {
    windows.put(new WindowKey(staffId, windowStart), visitors);
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
