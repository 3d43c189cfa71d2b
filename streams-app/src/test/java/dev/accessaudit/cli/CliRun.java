package dev.accessaudit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code ./audit} in-process with captured stdout and stderr. */
record CliRun(int exitCode, String out, String err) {
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  static CliRun run(Map<String, String> env, String... args) {
    return run(env, new ArrayList<>(), args);
  }

  static CliRun run(Map<String, String> env, List<Runnable> stopActions, String... args) {
    return run(env, Clock.fixed(NOW, ZoneOffset.UTC), stopActions, args);
  }

  static CliRun run(
      Map<String, String> env, Clock clock, List<Runnable> stopActions, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext context = new CliContext(env, clock, false, stopActions::add);
    int code = AuditCli.run(args, context, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString());
  }

  static CliRun run(String... args) {
    return run(Map.of(), args);
  }
}
