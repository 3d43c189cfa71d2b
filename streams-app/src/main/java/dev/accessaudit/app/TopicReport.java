package dev.accessaudit.app;

import java.util.List;

/**
 * What {@link TopicProvisioner} did: topics it created, topics that were already right, and
 * settings of existing topics that differ from the contract (it never changes existing topics).
 */
public record TopicReport(
    List<String> created, List<String> unchanged, List<Difference> differences) {

  /** One setting of an existing topic that is not what the contract wants. */
  public record Difference(String topic, String setting, String expected, String actual) {
    /** E.g. "topic staff-agreements has cleanup.policy=compact, expected delete". */
    public String sentence() {
      return "topic " + topic + " has " + setting + "=" + actual + ", expected " + expected;
    }
  }

  public TopicReport {
    created = List.copyOf(created);
    unchanged = List.copyOf(unchanged);
    differences = List.copyOf(differences);
  }

  public boolean consistent() {
    return differences.isEmpty();
  }
}
