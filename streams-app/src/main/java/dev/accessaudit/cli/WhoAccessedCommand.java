package dev.accessaudit.cli;

import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.replay.AccessReportFormat;
import dev.accessaudit.replay.ReplayRequest;
import dev.accessaudit.replay.ReplayResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ./audit who-accessed}: every access to one visitor's data, for a data subject. */
@Command(
    name = "who-accessed",
    mixinStandardHelpOptions = true,
    description = {
      "List every access to one visitor's data, with the alerts each raised.",
      "List every access to one visitor's data in a period: when, by which staff member from which"
          + " office, through which service, what data, what was done, why, to whom it went, and"
          + " the alerts each access raised. Suitable to answer a data subject's request.",
      "The alerts come from the same judgement as ./audit replay (the pipeline's own rule code and"
          + " the agreements in force at each access), so they do not depend on the pipeline"
          + " having run; with the live policy they are the alerts the pipeline published."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./audit who-accessed --visitor v-000123",
      "  ./audit who-accessed --visitor v-000123 --from 2025-01-01 --to 2026-01-01",
      "  ./audit who-accessed --visitor v-000123 --format html --out v-000123.html"
    })
public final class WhoAccessedCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Mixin CommonOptions common;
  @Mixin ReplayOptions replay;
  @Spec CommandSpec spec;

  @Option(
      names = "--visitor",
      required = true,
      paramLabel = "ID",
      description = "The visitor whose data was accessed.")
  String visitor;

  @Option(
      names = "--from",
      paramLabel = "TIME",
      defaultValue = "1970-01-01T00:00:00.001Z",
      description =
          "Start of the period (inclusive), as for replay: 2026-03-01, 2026-03-01T09:00:00Z, 30d."
              + " Default: the beginning of the history.")
  String from;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (for people, the default), json (one access per line), csv or html.")
  AccessReportFormat format;

  @Override
  public Integer call() {
    CliContext context = root.context();
    AuditConfig config = common.load(context);
    ReplayRequest request = replay.request(from, context).withVisitor(visitor).keepingAccesses();
    PrintWriter err = spec.commandLine().getErr();
    try (ReplayResult result = replay.run(request, config, context, err)) {
      try (PrintWriter out = replay.output(spec.commandLine().getOut())) {
        format.write(result, out);
      }
      if (context.terminal()) {
        err.println(result.stats().summary());
        err.flush();
      }
    }
    return 0;
  }
}
