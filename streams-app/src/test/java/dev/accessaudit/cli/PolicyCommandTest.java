package dev.accessaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.streams.policy.PolicyFile;
import dev.accessaudit.streams.policy.PolicyTestFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PolicyCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new PolicyCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path shipped(String resource, String name) throws Exception {
    String text = new String(PolicyCommandTest.class.getResourceAsStream(resource).readAllBytes());
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void shouldPrintVersionsAndRulesOfAValidPolicy() throws Exception {
    Path policy = shipped(PolicyFile.DEFAULT_RESOURCE, "default-policy.yaml");

    assertThat(run("validate", policy.toString())).isZero();
    assertThat(out.toString())
        .contains("is valid: 2 versions")
        .contains("version 2005, in force from 2005-12-19T00:00:00Z")
        .contains("version 2009, in force from 2009-01-01T00:00:00Z")
        .contains("NON_EMPLOYEE_ACCESS")
        .contains("threshold: 200");
  }

  @Test
  void shouldListEveryProblemWithItsLineAndExit2() throws Exception {
    Path policy =
        Files.writeString(
            dir.resolve("bad.yaml"),
            """
            versions:
              - name: x
                effectiveFrom: 2005-01-01
                rules:
                  - {id: NOPE, severity: HIGH, clause: c}
                  - {id: BULK_ACCESS, severity: URGENT, clause: c}
            """);

    assertThat(run("validate", policy.toString())).isEqualTo(2);
    assertThat(err.toString())
        .contains(policy + ":5:14: unknown rule id 'NOPE'")
        .contains(policy + ":6:37: unknown severity 'URGENT'")
        .contains("is not valid: 2 problems");
  }

  @Test
  void shouldPassTheShippedTestsAgainstTheShippedPolicy() throws Exception {
    shipped(PolicyFile.DEFAULT_RESOURCE, "default-policy.yaml");
    Path tests = shipped(PolicyTestFile.DEFAULT_RESOURCE, "default-policy-test.yaml");

    assertThat(run("test", tests.toString())).isZero();
    assertThat(out.toString())
        .contains("PASS  a contractor under 2005, the day before 2009-01-01")
        .doesNotContain("FAIL");
  }

  @Test
  void shouldReportFailingCasesWithReasonsAndExit1() throws Exception {
    Path tests =
        Files.writeString(
            dir.resolve("t.yaml"),
            """
            cases:
              - name: wrong expectation
                event: {occurredAt: 2010-01-01T00:00:00Z}
                agreement: none
                raises: [AGREEMENT_REVOKED]
                policyVersion: "2005"
            """);

    assertThat(run("test", tests.toString())).isEqualTo(1);
    assertThat(out.toString())
        .contains("testing " + tests + " against the shipped default policy")
        .contains("FAIL  wrong expectation (line 2, version 2009, raised [AGREEMENT_MISSING])")
        .contains("expected AGREEMENT_REVOKED but it was not raised")
        .contains("expected policy version 2005 in force, but it was 2009")
        .contains("0 of 1 cases passed, 1 failed");
  }

  @Test
  void shouldExit2OnABadTestFile() throws Exception {
    Path tests =
        Files.writeString(
            dir.resolve("t.yaml"),
            """
            cases:
              - name: typo
                event: {occurredAt: 2010-01-01, categry: FINANCIAL}
                raises: [X]
            """);

    assertThat(run("test", tests.toString(), "--policy", dir.resolve("none.yaml").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains(tests + ":3:37: unknown field 'categry' in event");
  }

  @Test
  void shouldRunACustomRuleFromACopyOfThePolicy() throws Exception {
    String copy =
        new String(
                    PolicyCommandTest.class
                        .getResourceAsStream(PolicyFile.DEFAULT_RESOURCE)
                        .readAllBytes())
                .stripTrailing()
            + "\n"
            + """
                  - id: NIGHT_EXPORT
                    severity: LOW
                    clause: Visitor information is encrypted during transmission
                    condition: >-
                      event.action == 'EXPORT'
                      && timestamp(event.occurredAt / 1000).getHours('UTC') < 6
            """;
    Path policy = Files.writeString(dir.resolve("copy.yaml"), copy);
    Path tests =
        Files.writeString(
            dir.resolve("t.yaml"),
            """
            cases:
              - name: an export at 3 at night
                event: {occurredAt: 2010-01-01T03:00:00Z, action: EXPORT}
                raisesExactly: [NIGHT_EXPORT]
              - name: an export at noon
                event: {occurredAt: 2010-01-01T12:00:00Z, action: EXPORT}
                raisesExactly: []
            """);

    assertThat(run("validate", policy.toString())).isZero();
    assertThat(out.toString()).contains("NIGHT_EXPORT");
    assertThat(run("test", tests.toString(), "--policy", policy.toString())).isZero();
    assertThat(out.toString()).contains("2 of 2 cases passed");
  }
}
