package dev.accessaudit.streams.judgement;

import dev.accessaudit.avro.ComplianceAlert;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The judgement state of one partition in maps, for the tests of the judgement classes: the
 * bulk-access visitor windows and the standing alerts of repeat suppression, where the pipeline
 * keeps them in state stores.
 */
final class MapState implements VisitorWindows, StandingAlerts {

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

  private record WindowKey(String staffId, long start) {}
}
