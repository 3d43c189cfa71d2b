package dev.accessaudit.streams.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileProblemsTest {

  private static List<String> problems(String text) {
    try {
      PolicyFile.parse(text, "policy.yaml");
    } catch (PolicyFileException e) {
      return e.problems().stream().map(PolicyProblem::toString).toList();
    }
    throw new AssertionError("the policy loaded, but problems were expected");
  }

  @Test
  void shouldListEveryProblemOfABadFileWithLineAndColumn() {
    String text =
        """
        versions:
          - name: "2005"
            effectiveFrom: 2005-13-19
            rules:
              - id: AGREEMENT_MISING
                severity: CRITICAL
                clause: x
              - id: BULK_ACCESS
                severity: HGIH
                clause: y
                suppress: 1 hour
                parameters:
                  threshold: -3
                  window: soon
                  windw: 1h
              - id: IP_ADDRESS_MISUSE
                severity: LOW
                parameters:
                  allowedPurposes: [DIAGNOSTICS]
        """;

    assertThat(problems(text))
        .containsExactly(
            "policy.yaml:3:20: effectiveFrom '2005-13-19' is neither a date (2009-01-01) nor an"
                + " instant (2009-01-01T00:00:00Z)",
            "policy.yaml:5:13: unknown rule id 'AGREEMENT_MISING' (known: "
                + String.join(", ", BuiltInRules.ids())
                + "; a custom rule needs a 'condition')",
            "policy.yaml:9:19: unknown severity 'HGIH' (known: LOW, MEDIUM, HIGH, CRITICAL)",
            "policy.yaml:11:19: suppress '1 hour' is not a duration such as 1h, 30m, 1d or PT1H",
            "policy.yaml:13:22: threshold must be a whole number of at least 1, was '-3'",
            "policy.yaml:14:19: window 'soon' is not a positive duration such as 1h, 30m or PT1H",
            "policy.yaml:15:11: unknown parameter 'windw' for BULK_ACCESS (known: threshold,"
                + " window)",
            "policy.yaml:16:9: a rule needs a 'clause'",
            "policy.yaml:19:29: 'DIAGNOSTICS' is not a AccessPurpose (known: "
                + "TRANSACTION_PROCESSING, CUSTOMER_CONTACT, MARKETING, CONTENT_IMPROVEMENT,"
                + " STAFF_TRAINING, SERVER_DIAGNOSTICS, SITE_ADMINISTRATION,"
                + " CONTENT_PERSONALIZATION, ADVERTISING, AGGREGATE_STATISTICS,"
                + " COMPLAINT_RESOLUTION, QUALITY_CONTROL, REGULATORY_LOGGING, OTHER)");
  }

  @Test
  void shouldRejectDuplicateVersionNamesAndDates() {
    String text =
        """
        versions:
          - name: a
            effectiveFrom: 2005-01-01
            rules: []
          - name: a
            effectiveFrom: 2005-01-01T00:00:00Z
            rules: []
        """;

    assertThat(problems(text))
        .containsExactly(
            "policy.yaml:5:5: version name 'a' is already used by the version at line 2",
            "policy.yaml:5:5: effectiveFrom 2005-01-01T00:00:00Z is already used by the version"
                + " at line 2");
  }

  @Test
  void shouldRejectUnknownKeysDuplicateKeysAndRepeatedRules() {
    String text =
        """
        versions:
          - name: a
            effectivFrom: 2005-01-01
            rules:
              - id: AGREEMENT_MISSING
                severity: LOW
                severity: HIGH
                clause: x
              - {id: AGREEMENT_MISSING, severity: LOW, clause: x}
        """;

    assertThat(problems(text))
        .containsExactly(
            "policy.yaml:2:5: a policy version needs a 'effectiveFrom'",
            "policy.yaml:3:5: unknown key 'effectivFrom' in a policy version (known: description,"
                + " effectiveFrom, name, rules, source)",
            "policy.yaml:7:9: duplicate key 'severity'",
            "policy.yaml:9:9: rule AGREEMENT_MISSING appears twice in this version");
  }

  @Test
  void shouldReportYamlSyntaxErrorsWithTheirPosition() {
    assertThat(problems("versions:\n  - name: [a\n"))
        .singleElement()
        .asString()
        .startsWith("policy.yaml:3:1: not valid YAML");
  }

  @Test
  void shouldRejectAnEmptyFile() {
    assertThat(problems("")).containsExactly("policy.yaml:1:1: the file is empty");
  }

  @Test
  void shouldReportCelErrorsAtTheirPlaceInTheFile() {
    String text =
        """
        versions:
          - name: a
            effectiveFrom: 2005-01-01
            rules:
              - id: AFTER_HOURS
                severity: LOW
                clause: x
                condition: event.staffid == 'x'
              - id: BLOCK
                severity: LOW
                clause: x
                condition: |
                  event.category == 'FINANCIAL' &&
                    nope(1)
                summary: "Staff ${event.staffId + } did it"
              - id: AGREEMENT_MISSING
                severity: LOW
                clause: x
                condition: "true"
        """;

    List<String> problems = problems(text);

    assertThat(problems).hasSize(4);
    assertThat(problems.get(0))
        .startsWith(
            "policy.yaml:8:26: condition does not compile: event has" + " no field 'staffid'");
    assertThat(problems.get(1))
        .startsWith(
            "policy.yaml:14:17: condition does not compile:" + " undeclared reference to 'nope'");
    assertThat(problems.get(2)).startsWith("policy.yaml:15:43: summary does not compile");
    assertThat(problems.get(3))
        .isEqualTo(
            "policy.yaml:16:13: custom rule id 'AGREEMENT_MISSING'"
                + " clashes with the built-in rule of that name; pick another id");
  }

  @Test
  void shouldReadSuppressionAndParametersIntoThePolicyRule() {
    Policy policy =
        PolicyFile.parse(
            """
            versions:
              - name: a
                effectiveFrom: 2005-01-01
                rules:
                  - id: REGION_RESTRICTED_DATA
                    severity: HIGH
                    clause: UK only
                    suppress: 1h
                    parameters: {allowedOffices: [GB, IE]}
            """,
            "policy.yaml");

    PolicyRule rule = policy.versions().get(0).rules().get(0);
    assertThat(rule.suppressFor()).isEqualTo(Duration.ofHours(1));
    assertThat(rule.parameters())
        .containsEntry("allowedOffices", "GB,IE")
        .containsEntry("categories", "LIVE_CHAT,TELEPHONE_RECORDING");
  }

  @Test
  void shouldSuggestGbForUk() {
    String text =
        """
        versions:
          - name: a
            effectiveFrom: 2005-01-01
            rules:
              - id: REGION_RESTRICTED_DATA
                severity: HIGH
                clause: UK only
                parameters: {allowedOffices: [UK]}
        """;

    assertThat(problems(text)).singleElement().asString().endsWith("(did you mean GB?)");
  }

  @Test
  void shouldNameTheFileWhenItCannotBeRead(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");

    assertThatThrownBy(() -> PolicyFile.load(missing))
        .isInstanceOf(PolicyFileException.class)
        .hasMessage(missing + ":1:1: cannot read the file: no such file");
  }

  @Test
  void shouldLoadAFileFromDisk(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("policy.yaml");
    Files.writeString(file, PolicyFile.resourceText(PolicyFile.DEFAULT_RESOURCE));

    assertThat(PolicyFile.load(file).versions()).hasSize(2);
  }
}
