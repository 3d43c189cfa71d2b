package dev.accessaudit.streams.policy;

import dev.accessaudit.avro.Severity;
import dev.accessaudit.streams.rules.Rule;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A rule as one policy version enforces it.
 *
 * @param rule the check
 * @param severity the severity of its alerts under this version
 * @param clause the policy sentence the rule enforces, quoted on every alert
 * @param parameters the rule's parameters as written in the policy, copied into alert details
 * @param suppressFor how long repeats for the same staff member, visitor and rule are folded into
 *     the alert that stands; {@link Duration#ZERO} for no suppression
 */
public record PolicyRule(
    Rule rule,
    Severity severity,
    String clause,
    Map<String, String> parameters,
    Duration suppressFor) {

  public PolicyRule {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(clause, "clause");
    parameters = Map.copyOf(parameters);
    suppressFor = suppressFor == null ? Duration.ZERO : suppressFor;
  }

  public static PolicyRule of(Rule rule, Severity severity, String clause) {
    return new PolicyRule(rule, severity, clause, Map.of(), Duration.ZERO);
  }

  public String ruleId() {
    return rule.id();
  }
}
