package dev.accessaudit.streams.policy;

import dev.accessaudit.avro.AccessEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A named version of the privacy policy, in force from {@code effectiveFrom} until the next
 * version's {@code effectiveFrom}.
 *
 * @param name the version name carried on alerts as {@code policyVersion}
 * @param effectiveFrom when this version comes into force
 * @param description where the version comes from, for people
 * @param rules the rules this version enforces
 */
public record PolicyVersion(
    String name, Instant effectiveFrom, String description, List<PolicyRule> rules) {

  public PolicyVersion {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(effectiveFrom, "effectiveFrom");
    description = description == null ? "" : description;
    rules = List.copyOf(rules);
  }

  /** The rule with this id, when this version enforces it. */
  public Optional<PolicyRule> rule(String ruleId) {
    return rules.stream().filter(r -> r.ruleId().equals(ruleId)).findFirst();
  }

  /** Whether any rule of this version needs the visitor's consent to judge the event. */
  public boolean needsConsent(AccessEvent event) {
    return rules.stream().anyMatch(r -> r.rule().needsConsent(event));
  }
}
