package dev.accessaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad options of replay and who-accessed: one sentence on stderr, exit 2, no Kafka needed. */
class ReplayCommandTest {

  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  private static final CliContext CONTEXT =
      new CliContext(
          Map.of("AUDIT_BOOTSTRAP_SERVERS", "localhost:1"),
          Clock.fixed(NOW, ZoneOffset.UTC),
          false,
          stop -> {});

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = AuditCli.commandLine(CONTEXT, new PrintWriter(out), new PrintWriter(err));
    if (!cli.getSubcommands().containsKey("replay")) {
      cli.addSubcommand(new ReplayCommand());
    }
    if (!cli.getSubcommands().containsKey("who-accessed")) {
      cli.addSubcommand(new WhoAccessedCommand());
    }
    // Subcommands added after set-up do not inherit it: apply it again, as registration would.
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(new FailureHandler());
    cli.setParameterExceptionHandler(new FailureHandler());
    return cli.execute(args);
  }

  private String error() {
    return err.toString().strip();
  }

  @Test
  void shouldRejectFromAfterTo() {
    int code = run("replay", "--from", "2026-03-02", "--to", "2026-03-01");

    assertThat(code).isEqualTo(2);
    assertThat(error())
        .isEqualTo(
            "audit: --from 2026-03-02T00:00:00Z is not before --to 2026-03-01T00:00:00Z: the"
                + " period is empty")
        .doesNotContain("\n");
  }

  @Test
  void shouldRejectAnUnparseableTime() {
    int code = run("replay", "--from", "yesterday");

    assertThat(code).isEqualTo(2);
    assertThat(error()).startsWith("audit: --from 'yesterday' is not a time").doesNotContain("\n");
  }

  @Test
  void shouldRejectAnUnknownPolicyFile() {
    int code = run("replay", "--from", "-24h", "--policy", "/no/such/policy.yaml");

    assertThat(code).isEqualTo(2);
    assertThat(error())
        .isEqualTo("audit: policy file /no/such/policy.yaml does not exist or is unreadable");
  }

  @Test
  void shouldRejectAnInvalidPolicyFileInOneSentence(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("bad.yaml");
    java.nio.file.Files.writeString(file, "versions: 42\n");

    int code = run("replay", "--from", "-24h", "--policy", file.toString());

    assertThat(code).isEqualTo(2);
    assertThat(error())
        .startsWith("audit: policy file " + file + " is not valid (1 problem, the first: ")
        .doesNotContain("\n");
  }

  @Test
  void shouldRejectAnUnknownFormat() {
    int code = run("replay", "--from", "24h", "--format", "xml");

    assertThat(code).isEqualTo(2);
    assertThat(error()).contains("--format").contains("xml").doesNotContain("\n");
  }

  @Test
  void shouldRejectDiffAsCsv() {
    int code = run("replay", "--from", "24h", "--diff", "--format", "csv");

    assertThat(code).isEqualTo(2);
    assertThat(error()).isEqualTo("audit: --diff writes a text table or json, not CSV");
  }

  @Test
  void shouldRequireFromForReplayAndVisitorForWhoAccessed() {
    assertThat(run("replay")).isEqualTo(2);
    assertThat(run("who-accessed", "--from", "7d")).isEqualTo(2);
    assertThat(error()).contains("--visitor");
  }

  @Test
  void shouldReadRelativeTimesWithOrWithoutAMinus() {
    assertThat(ReplayOptions.time("--from", "-24h", CONTEXT)).isEqualTo(NOW.minusSeconds(86_400));
    assertThat(ReplayOptions.time("--from", "24h", CONTEXT)).isEqualTo(NOW.minusSeconds(86_400));
    assertThat(ReplayOptions.time("--from", "2026-03-01", CONTEXT))
        .isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
  }
}
