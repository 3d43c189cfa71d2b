package dev.accessaudit.streams.rules;

import java.util.Map;
import java.util.Objects;

/**
 * What a rule found wrong with one access.
 *
 * @param summary one sentence for a compliance officer
 * @param details rule-specific facts (counts, parameters) carried on the alert
 */
public record Violation(String summary, Map<String, String> details) {

  public Violation {
    Objects.requireNonNull(summary, "summary");
    details = Map.copyOf(details);
  }

  public static Violation of(String summary) {
    return new Violation(summary, Map.of());
  }
}
