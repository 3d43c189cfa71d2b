package dev.accessaudit.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The {@code ./audit} entry point. The only place that calls {@code System.exit}: every command
 * returns an exit code (0 ok, 1 runtime failure, 2 bad usage or input) and reports failures as one
 * sentence on stderr.
 */
public final class AuditCli {
  private AuditCli() {}

  public static void main(String[] args) {
    int code =
        run(
            args,
            CliContext.system(),
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true));
    StopHooks.finished(code);
    System.exit(code);
  }

  /** Runs one command line and returns its exit code; never throws. */
  public static int run(String[] args, CliContext context, PrintWriter out, PrintWriter err) {
    return commandLine(context, out, err).execute(args);
  }

  static CommandLine commandLine(CliContext context, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new RootCommand(context));
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setUsageHelpAutoWidth(true);
    cli.setExecutionExceptionHandler(new FailureHandler());
    cli.setParameterExceptionHandler(new FailureHandler());
    cli.getCommandSpec().usageMessage().footer(footer(cli));
    return cli;
  }

  private static String[] footer(CommandLine cli) {
    String[] examples = cli.getCommandSpec().usageMessage().footer();
    String[] footer = new String[examples.length + 1];
    System.arraycopy(examples, 0, footer, 0, examples.length);
    footer[examples.length] = SettingsHelp.text();
    return footer;
  }
}
