package dev.accessaudit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./audit}: the command-line front end of the access-audit pipeline. */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Audits access to visitors' personal data: services publish access events to Kafka, the"
          + " pipeline judges each against the staff member's agreement in force at that time,"
          + " and publishes compliance alerts.",
      ""
    },
    subcommands = {
      DemoCommand.class,
      StartCommand.class,
      TopicsCommand.class,
      PublishCommand.class,
      AgreementsCommand.class,
      ConsentsCommand.class,
      AlertsCommand.class,
      SimulateCommand.class,
      ReplayCommand.class,
      WhoAccessedCommand.class,
      PolicyCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./audit demo                       all in-process, simulated traffic, live",
      "  ./audit start --data-dir /srv/a    the pipeline with an embedded Kafka",
      "  ./audit agreements --file s.csv    publish staff agreements",
      "  ./audit publish --file e.jsonl     publish access events",
      "  ./audit alerts --from 1h --severity HIGH --follow",
      "  AUDIT_BOOTSTRAP_SERVERS=kafka:9092 \\",
      "  AUDIT_SCHEMA_REGISTRY_URL=http://registry:8081 ./audit start",
      "",
      "Exit codes: 0 success, 1 runtime failure, 2 bad usage or bad input.",
      "Run ./audit COMMAND --help for the options of each command."
    })
public final class RootCommand implements Runnable {
  private final CliContext context;

  @Spec CommandSpec spec;

  public RootCommand(CliContext context) {
    this.context = context;
  }

  CliContext context() {
    return context;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(),
        "missing command: choose one of " + String.join(", ", spec.subcommands().keySet()));
  }
}
