package dev.accessaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditCliTest {
  @Test
  void shouldDescribeEveryCommandAndSettingInTheHelp() {
    CliRun run = CliRun.run("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("demo", "start", "topics", "publish", "agreements", "consents", "alerts")
        .contains("simulate")
        .contains("AUDIT_BOOTSTRAP_SERVERS", "audit.dedup.window [7d]", "Exit codes");
    assertThat(run.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "demo",
        "start",
        "topics",
        "publish",
        "agreements",
        "consents",
        "alerts",
        "simulate"
      })
  void shouldDescribeEachCommandsOptionsAndExamples(String command) {
    CliRun run = CliRun.run(command, "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: audit " + command, "--config", "Example");
  }

  @Test
  void shouldExitTwoWithOneSentenceForAnUnknownCommand() {
    CliRun run = CliRun.run("frobnicate");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("audit: unknown command 'frobnicate': choose one of")
        .contains("(see ./audit --help)")
        .hasLineCount(1);
  }

  @Test
  void shouldExitTwoWhenNoCommandIsGiven() {
    CliRun run = CliRun.run();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("audit: missing command: choose one of").hasLineCount(1);
  }

  @Test
  void shouldExitTwoForAnUnknownOption() {
    CliRun run = CliRun.run("alerts", "--colour");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo("audit: unknown option '--colour' (see ./audit alerts --help)\n");
  }

  @Test
  void shouldExitTwoForABadOptionValue() {
    CliRun run = CliRun.run("alerts", "--severity", "URGENT");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--severity", "URGENT").hasLineCount(1);
  }

  @Test
  void shouldExitTwoWithTheConfigSentenceForABadSetting() {
    CliRun run = CliRun.run(Map.of("AUDIT_DEDUP_WINDOW", "7 days"), "topics");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "audit: audit.dedup.window='7 days' (from environment variable AUDIT_DEDUP_WINDOW) is"
                + " not a duration; use a value like 7d, 12h or PT30M\n");
  }

  @Test
  void shouldExitTwoWhenTheConfigFileIsMissing() {
    CliRun run = CliRun.run("topics", "--config", "/no/such.properties");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("config file /no/such.properties does not exist");
  }

  @Test
  void shouldExitTwoForATimeThatIsNotOne() {
    CliRun run = CliRun.run("alerts", "--from", "yesterday");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("audit: --from 'yesterday' is not a time; use an instant like")
        .hasLineCount(1);
  }

  @Test
  void shouldReportAnUnreachableKafkaInOneSentenceWithExitOne() {
    Map<String, String> env =
        Map.of(
            "AUDIT_BOOTSTRAP_SERVERS", "localhost:1",
            "AUDIT_DEFAULT_API_TIMEOUT_MS", "1500",
            "AUDIT_REQUEST_TIMEOUT_MS", "1000");

    CliRun run = CliRun.run(env, "topics");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("audit: Kafka did not answer in time").hasLineCount(1);
    assertThat(run.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void shouldShowTheStackTraceOnlyWhenVerbose() {
    Map<String, String> env =
        Map.of(
            "AUDIT_BOOTSTRAP_SERVERS", "localhost:1",
            "AUDIT_DEFAULT_API_TIMEOUT_MS", "1500",
            "AUDIT_REQUEST_TIMEOUT_MS", "1000");

    CliRun run = CliRun.run(env, "topics", "--verbose");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("\tat ");
  }

  @Test
  void shouldRefuseARateThatIsNotOne() {
    CliRun run = CliRun.run("simulate", "--rate", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "audit: --rate 0 is not a rate; use access events per second above 0, like 20\n");
  }

  @Test
  void shouldRefuseADurationThatIsNotOne() {
    CliRun run = CliRun.run("simulate", "--duration", "forever");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("audit: --duration 'forever' is not a duration;");
  }

  @Test
  void shouldRefuseADemoAgainstAnExternalKafka() {
    CliRun run = CliRun.run(Map.of("AUDIT_BOOTSTRAP_SERVERS", "kafka:9092"), "demo");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("audit: the demo runs its own Kafka, so bootstrap.servers must not be set");
  }

  @Test
  void shouldRefuseADemoStartingBeforeThePolicies() {
    CliRun run = CliRun.run("demo", "--start", "2001-01-01");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("audit: --start must be 2005-12-19T00:00:00Z or later");
  }

  @Test
  void shouldRefuseADemoStartThatIsNoTime() {
    CliRun run = CliRun.run("demo", "--start", "yesterday");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("audit: --start 'yesterday' is not a time");
  }

  @Test
  void shouldPrintTheVersion() {
    CliRun run = CliRun.run("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("access-audit", "Kafka 4.4.0", "Java");
  }
}
