package dev.accessaudit.cli;

import dev.accessaudit.app.Clients;
import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.replay.Progress;
import dev.accessaudit.replay.ReplayPolicy;
import dev.accessaudit.replay.ReplayRequest;
import dev.accessaudit.replay.ReplayResult;
import dev.accessaudit.replay.Replayer;
import dev.accessaudit.replay.TerminalProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Options and plumbing shared by {@code replay} and {@code who-accessed}: the end of the period,
 * the policy, where the output goes; how times are read, the replay run and the progress shown.
 */
public final class ReplayOptions {
  @Option(
      names = "--to",
      paramLabel = "TIME",
      description = "End of the period (exclusive), in the same forms as --from. Default: now.")
  String to;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description =
          "Judge with this policy file instead of the configured one (audit.policy.file, or the"
              + " built-in policy).")
  Path policy;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write the output to FILE instead of stdout.")
  Path out;

  /** The period [from, to) the user asked for. */
  ReplayRequest request(String from, CliContext context) {
    Instant start = time("--from", from, context);
    Instant end = to == null ? context.clock().instant() : time("--to", to, context);
    if (!start.isBefore(end)) {
      throw new BadInputException(
          "--from " + start + " is not before --to " + end + ": the period is empty");
    }
    return ReplayRequest.of(start, end);
  }

  /** A time as --from and --to take it; a leading minus on a relative time is allowed. */
  static Instant time(String option, String text, CliContext context) {
    String value = text.strip();
    boolean minus =
        value.startsWith("-") && value.length() > 1 && Character.isDigit(value.charAt(1));
    return TimeSpec.parse(option, minus ? value.substring(1) : value, context.clock());
  }

  ReplayResult run(ReplayRequest request, AuditConfig config, CliContext context, PrintWriter err) {
    ReplayPolicy chosen = policy(config);
    Replayer replayer =
        new Replayer(
            clientConfig(config), config.topicNames(), config.pipelineOptions(), context.clock());
    return replayer.replay(request, chosen.policy(), chosen.name(), progress(context, err));
  }

  ReplayPolicy policy(AuditConfig config) {
    Optional<Path> file = Optional.ofNullable(policy).or(config::policyFile);
    try {
      return ReplayPolicy.load(file);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  /** A progress bar on stderr when the user watches a terminal; nothing when piped. */
  Progress progress(CliContext context, PrintWriter err) {
    return context.terminal() ? new TerminalProgress(err) : Progress.NONE;
  }

  /** Where the report goes: --out FILE, or stdout (left open). */
  PrintWriter output(PrintWriter stdout) {
    if (out == null) {
      return new PrintWriter(stdout) {
        @Override
        public void close() {
          flush();
        }
      };
    }
    try {
      return new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  static Map<String, Object> clientConfig(AuditConfig config) {
    return Clients.consumerConfig(config);
  }
}
