package dev.accessaudit.streams.policy;

import java.util.List;

/**
 * The outcome of one policy test case.
 *
 * @param testCase the case
 * @param policyVersion the version in force at the case's time
 * @param raised the rule ids raised, in the version's rule order
 * @param failures why the case failed; empty when it passed
 */
public record PolicyTestResult(
    PolicyTestCase testCase, String policyVersion, List<String> raised, List<String> failures) {

  public PolicyTestResult {
    raised = List.copyOf(raised);
    failures = List.copyOf(failures);
  }

  public boolean passed() {
    return failures.isEmpty();
  }
}
