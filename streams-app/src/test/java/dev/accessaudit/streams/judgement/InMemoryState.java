package dev.accessaudit.streams.judgement;

import dev.accessaudit.avro.ComplianceAlert;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Map-backed judgement state for tests. */
final class InMemoryState implements VisitorWindows, StandingAlerts {

  private final Map<String, List<String>> windows = new HashMap<>();
  private final Map<String, ComplianceAlert> standing = new HashMap<>();

  @Override
  public List<String> get(String staffId, long windowStart) {
    return windows.getOrDefault(staffId + "@" + windowStart, List.of());
  }

  @Override
  public void put(String staffId, long windowStart, List<String> visitors) {
    windows.put(staffId + "@" + windowStart, visitors);
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
}
