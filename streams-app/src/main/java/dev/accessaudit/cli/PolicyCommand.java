package dev.accessaudit.cli;

import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.policy.PolicyFile;
import dev.accessaudit.streams.policy.PolicyFileException;
import dev.accessaudit.streams.policy.PolicyProblem;
import dev.accessaudit.streams.policy.PolicyRule;
import dev.accessaudit.streams.policy.PolicyTestFile;
import dev.accessaudit.streams.policy.PolicyTestResult;
import dev.accessaudit.streams.policy.PolicyTestRunner;
import dev.accessaudit.streams.policy.PolicyValues;
import dev.accessaudit.streams.policy.PolicyVersion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./audit policy validate FILE} and {@code ./audit policy test FILE [--policy FILE]}: rules
 * as code. Exit codes: 0 valid / all cases pass, 1 some case fails, 2 a file has problems (each
 * printed on stderr as {@code file:line:column: problem}).
 */
@Command(
    name = "policy",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = "Check a policy file and run its tests (format: docs/policy.md).",
    subcommands = {PolicyCommand.Validate.class, PolicyCommand.Test.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./audit policy validate my-policy.yaml",
      "  ./audit policy test my-policy-test.yaml --policy my-policy.yaml"
    })
public final class PolicyCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing command: choose one of validate, test");
  }

  /** Prints the problems of a rejected file; the exit code for bad input. */
  static int reject(PolicyFileException e, PrintWriter err) {
    List<PolicyProblem> problems = e.problems();
    problems.forEach(err::println);
    String file = problems.get(0).file();
    err.printf(
        "%s is not valid: %d problem%s%n", file, problems.size(), problems.size() == 1 ? "" : "s");
    return 2;
  }

  /** {@code ./audit policy validate FILE}. */
  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description = {
        "Check a policy file whole and print its versions and rules.",
        "Exit 0 when valid; 2 with every problem and its line number when not."
      })
  static final class Validate implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the policy file (YAML)")
    Path file;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        Policy policy = PolicyFile.load(file);
        out.printf(
            "%s is valid: %d version%s%n",
            file, policy.versions().size(), policy.versions().size() == 1 ? "" : "s");
        policy.versions().forEach(version -> print(version, out));
        return 0;
      } catch (PolicyFileException e) {
        return reject(e, spec.commandLine().getErr());
      }
    }

    private static void print(PolicyVersion version, PrintWriter out) {
      out.printf("%nversion %s, in force from %s%n", version.name(), version.effectiveFrom());
      if (!version.description().isBlank()) {
        out.printf("  %s%n", version.description());
      }
      for (PolicyRule rule : version.rules()) {
        out.printf("  %-30s %-8s \"%s\"%n", rule.ruleId(), rule.severity(), rule.clause());
        rule.parameters().forEach((name, value) -> out.printf("      %s: %s%n", name, value));
        if (!rule.suppressFor().isZero()) {
          out.printf("      suppress: %s%n", PolicyValues.format(rule.suppressFor()));
        }
      }
    }
  }

  /** {@code ./audit policy test FILE [--policy FILE]}. */
  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = {
        "Run the cases of a policy test file and print pass or fail for each, with the reasons.",
        "The policy is --policy, else the file's own 'policy:' entry, else the shipped default.",
        "Exit 0 when every case passes, 1 when some fail, 2 when a file has problems."
      })
  static final class Test implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the policy test file (YAML)")
    Path file;

    @Option(names = "--policy", paramLabel = "FILE", description = "the policy file to test")
    Path policyFile;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try {
        PolicyTestFile tests = PolicyTestFile.load(file);
        Path chosen = policyFile != null ? policyFile : tests.policy().orElse(null);
        Policy policy = chosen == null ? PolicyFile.defaultPolicy() : PolicyFile.load(chosen);
        out.printf(
            "testing %s against %s%n",
            file, chosen == null ? "the shipped default policy" : chosen);
        List<PolicyTestResult> results = new PolicyTestRunner(policy).run(tests.cases());
        results.forEach(result -> print(result, out));
        long failed = results.stream().filter(r -> !r.passed()).count();
        out.printf(
            "%d of %d cases passed%s%n",
            results.size() - failed, results.size(), failed == 0 ? "" : ", " + failed + " failed");
        return failed == 0 ? 0 : 1;
      } catch (PolicyFileException e) {
        return reject(e, spec.commandLine().getErr());
      }
    }

    private void print(PolicyTestResult result, PrintWriter out) {
      out.printf(
          "%s  %s (line %d, version %s, raised %s)%n",
          result.passed() ? "PASS" : "FAIL",
          result.testCase().name(),
          result.testCase().line(),
          result.policyVersion(),
          result.raised().isEmpty() ? "nothing" : result.raised());
      result.failures().forEach(reason -> out.printf("      %s%n", reason));
    }
  }
}
