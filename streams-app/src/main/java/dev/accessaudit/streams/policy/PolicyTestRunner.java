package dev.accessaudit.streams.policy;

import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.streams.judgement.AccessJudge;
import dev.accessaudit.streams.rules.custom.CelRule;
import dev.accessaudit.streams.rules.staff.BulkAccessRule;
import dev.cel.runtime.CelEvaluationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs policy test cases: access cases through {@link AccessJudge} exactly as the pipeline judges
 * them, bulk cases through {@link BulkAccessRule#checkCount} of the version in force at the
 * window's start. A custom rule whose condition fails at run time fails the case.
 */
public final class PolicyTestRunner {

  private final Policy policy;
  private final AccessJudge judge;
  private final Set<String> knownIds = new HashSet<>();

  public PolicyTestRunner(Policy policy) {
    this.policy = policy;
    this.judge = new AccessJudge(policy);
    policy.versions().forEach(v -> v.rules().forEach(r -> knownIds.add(r.ruleId())));
  }

  public List<PolicyTestResult> run(List<PolicyTestCase> cases) {
    return cases.stream().map(this::run).toList();
  }

  public PolicyTestResult run(PolicyTestCase testCase) {
    PolicyVersion version = policy.versionAt(testCase.at());
    List<String> failures = new ArrayList<>();
    List<String> raised =
        testCase.access() != null
            ? judgeAccess(testCase, version, failures)
            : judgeBulk(testCase, version);
    check(testCase.expected(), version, raised, failures);
    return new PolicyTestResult(testCase, version.name(), raised, failures);
  }

  private List<String> judgeAccess(
      PolicyTestCase testCase, PolicyVersion version, List<String> failures) {
    for (PolicyRule rule : version.rules()) {
      if (rule.rule() instanceof CelRule custom) {
        try {
          custom.evaluate(testCase.access());
        } catch (CelEvaluationException e) {
          failures.add("custom rule " + custom.id() + " failed to evaluate: " + e.getMessage());
        }
      }
    }
    return judge.judge(testCase.access(), Instant.EPOCH).stream()
        .map(ComplianceAlert::getRuleId)
        .toList();
  }

  private static List<String> judgeBulk(PolicyTestCase testCase, PolicyVersion version) {
    PolicyTestCase.BulkCount bulk = testCase.bulk();
    return version.rules().stream()
        .filter(rule -> rule.rule() instanceof BulkAccessRule)
        .filter(
            rule -> {
              BulkAccessRule bulkRule = (BulkAccessRule) rule.rule();
              Instant end = bulk.windowStart().plus(bulkRule.window());
              return bulkRule
                  .checkCount(bulk.staffId(), bulk.distinctVisitors(), bulk.windowStart(), end)
                  .isPresent();
            })
        .map(PolicyRule::ruleId)
        .toList();
  }

  private void check(
      PolicyTestCase.Expectations expected,
      PolicyVersion version,
      List<String> raised,
      List<String> failures) {
    expected
        .policyVersion()
        .filter(name -> !name.equals(version.name()))
        .ifPresent(
            name ->
                failures.add(
                    "expected policy version " + name + " in force, but it was " + version.name()));
    for (String id : expected.raises()) {
      if (!raised.contains(id)) {
        failures.add("expected " + id + " but it was not raised" + notInVersion(id, version));
      }
    }
    for (String id : expected.doesNotRaise()) {
      if (raised.contains(id)) {
        failures.add("expected no " + id + " but it was raised");
      } else if (!knownIds.contains(id)) {
        failures.add("doesNotRaise names " + id + ", which no version of the policy has");
      }
    }
    expected
        .raisesExactly()
        .filter(ids -> !new TreeSet<>(ids).equals(new TreeSet<>(raised)))
        .ifPresent(
            ids ->
                failures.add(
                    "expected exactly "
                        + new TreeSet<>(ids)
                        + " but raised "
                        + new TreeSet<>(raised)));
  }

  private static String notInVersion(String id, PolicyVersion version) {
    return version.rule(id).isPresent()
        ? ""
        : " (version " + version.name() + " has no rule " + id + ")";
  }
}
