package dev.accessaudit.cli;

import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.replay.AlertDiff;
import dev.accessaudit.replay.AlertLog;
import dev.accessaudit.replay.DiffReport;
import dev.accessaudit.replay.LiveAlerts;
import dev.accessaudit.replay.Progress;
import dev.accessaudit.replay.ReplayRequest;
import dev.accessaudit.replay.ReplayResult;
import dev.accessaudit.replay.ReportFormat;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ./audit replay}: re-judges a past period with the pipeline's own rule code. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Re-judge a past period with the live rule code, under today's or another policy.",
      "Re-judge the accesses of a past period, with the live pipeline's own rule code, against the"
          + " agreements and consents in force at each access (rebuilt from their full histories)."
          + " Nothing is written to Kafka. With the live policy it gives exactly the alerts the"
          + " pipeline published for those accesses (see docs/auditors.md for the limits).",
      "Alerts go to stdout (or --out), the summary to stderr; a progress bar shows on a terminal."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./audit replay --from 2026-03-01 --to 2026-03-02             alerts as JSON lines",
      "  ./audit replay --from -24h --format html --out report.html   the last day, as a report",
      "  ./audit replay --from 7d --staff s-0042 --format csv",
      "  ./audit replay --from 2026-01-01 --to 2026-02-01 --diff      replay vs the alerts topic",
      "  ./audit replay --from 30d --policy new-policy.yaml --diff    what a new policy changes"
    })
public final class ReplayCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Mixin CommonOptions common;
  @Mixin ReplayOptions replay;
  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "TIME",
      description =
          "Start of the period (inclusive): an instant (2026-03-01T09:00:00Z), a date (2026-03-01,"
              + " start of day UTC) or a time back from now (24h, -24h, 7d).")
  String from;

  @Option(
      names = "--staff",
      paramLabel = "ID",
      description = "Only this staff member's accesses and alerts.")
  String staff;

  @Option(
      names = "--visitor",
      paramLabel = "ID",
      description = "Only accesses to this visitor's data, and their alerts.")
  String visitor;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "json (one alert per line, the default), csv (header and rows) or html (a self-contained"
              + " report). With --diff: a text table by default, or json.")
  ReportFormat format;

  @Option(
      names = "--diff",
      description =
          "Compare the replay with the alerts the pipeline published for the same accesses, and"
              + " list per rule the alerts added, removed and changed, with their event ids.")
  boolean diff;

  @Override
  public Integer call() throws Exception {
    CliContext context = root.context();
    AuditConfig config = common.load(context);
    ReplayRequest request = replay.request(from, context).withStaff(staff).withVisitor(visitor);
    if (diff) {
      if (format != null && format != ReportFormat.JSON) {
        throw new BadInputException("--diff writes a text table or json, not " + format);
      }
      request = request.keepingEventIds();
    }
    PrintWriter err = spec.commandLine().getErr();
    try (ReplayResult result = replay.run(request, config, context, err)) {
      try (PrintWriter out = replay.output(spec.commandLine().getOut())) {
        if (diff) {
          writeDiff(result, config, replay.progress(context, err), out);
        } else {
          Optional.ofNullable(format).orElse(ReportFormat.JSON).write(result, out);
        }
      }
      err.println(result.stats().summary());
      err.flush();
    }
    return 0;
  }

  private void writeDiff(
      ReplayResult result, AuditConfig config, Progress progress, PrintWriter out) {
    try (AlertLog live =
        LiveAlerts.forEvents(
            ReplayOptions.clientConfig(config),
            config.topics().alerts(),
            result.judged(),
            progress)) {
      AlertDiff alertDiff = AlertDiff.between(live, result.alerts());
      if (format == ReportFormat.JSON) {
        DiffReport.json(result, live.size(), alertDiff, out);
      } else {
        DiffReport.text(result, live.size(), alertDiff, out);
      }
    }
  }
}
