package dev.accessaudit.producers.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Chooses which rule a violation breaks, by the configured weights, among the rules that can be
 * broken at that time: extended rules only when enabled, {@code NON_EMPLOYEE_ACCESS} only under the
 * 2005 policy, {@code REGION_RESTRICTED_DATA} only under the 2009 policy.
 */
final class ViolationMix {

  private final SimulationSettings settings;

  ViolationMix(SimulationSettings settings) {
    this.settings = settings;
  }

  /** A rule, or null when none in the mix can be broken at {@code at}. */
  RuleId pick(Random random, Instant at, Set<RuleId> excluded) {
    List<RuleId> rules = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (RuleId rule : RuleId.values()) {
      double w = settings.violationMix().getOrDefault(rule, 0.0);
      if (w > 0 && !excluded.contains(rule) && possible(rule, at)) {
        rules.add(rule);
        weights.add(w);
      }
    }
    if (rules.isEmpty()) {
      return null;
    }
    return rules.get(Draw.weighted(random, weights.stream().mapToDouble(d -> d).toArray()));
  }

  boolean possible(RuleId rule, Instant at) {
    if (!rule.isAgreementRule() && !settings.extendedRules()) {
      return false;
    }
    String policy = settings.policyVersionAt(at);
    return switch (rule) {
      // The access may move a millisecond later; it must still fall under the 2005 policy.
      case NON_EMPLOYEE_ACCESS -> settings.policyVersionAt(at.plusMillis(1)).equals("2005");
      case REGION_RESTRICTED_DATA -> policy.equals("2009");
      default -> true;
    };
  }
}
