package dev.accessaudit.cli;

import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.config.AuditSetting;
import dev.accessaudit.producers.simulator.SimulationSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ./audit demo}: everything in-process, simulated traffic, alerts live. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run Kafka, the schema registry and the pipeline in-process, with simulated traffic and live alerts.",
      "Run everything in this process - Kafka (localhost:9092), the schema registry"
          + " (http://localhost:8081), the pipeline (health on http://localhost:8080/health) -"
          + " and publish simulated traffic from services, showing alerts live as they land.",
      "On a terminal the screen is redrawn every second: alerts by rule and severity, events"
          + " published, dead letters, the newest alerts. Piped, it prints one line per alert.",
      "Each demo starts clean in a temporary directory, deleted when it stops; logs go to a file"
          + " named at start. Ctrl-C stops it. While it runs, the other commands work against it"
          + " (e.g. ./audit alerts --follow in a second terminal)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./audit demo",
      "  ./audit demo --rate 100 --seed 42",
      "  ./audit demo --start now",
      "  ./audit demo | grep CRITICAL"
    })
final class DemoCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(
      names = "--rate",
      paramLabel = "N",
      defaultValue = "20",
      description = "Simulated access events per second (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Seed of the simulated traffic (default: random).")
  Long seed;

  @Option(
      names = "--start",
      paramLabel = "TIME",
      defaultValue = "2008-12-31T23:58:00Z",
      description =
          "Simulated time of the first event: an instant, a date, or 'now' (default:"
              + " ${DEFAULT-VALUE}, two minutes before the 2009 policy version replaces the 2005"
              + " one, so both versions judge and every rule of the shipped policy can fire).")
  String start;

  @Override
  public Integer call() throws Exception {
    CliContext context = root.context();
    AuditConfig configured = common.load(context);
    if (!configured.embedded()) {
      throw new BadInputException(
          "the demo runs its own Kafka, so bootstrap.servers must not be set (it is "
              + configured.bootstrapServers()
              + "); against your Kafka use ./audit start and ./audit simulate");
    }
    SimulateCommand.checkRate(rate);
    Instant simulatedStart =
        "now".equalsIgnoreCase(start.trim())
            ? null
            : TimeSpec.parse("--start", start, context.clock());
    if (simulatedStart != null && simulatedStart.isBefore(SimulationSettings.POLICY_2005_FROM)) {
      throw new BadInputException(
          "--start must be "
              + SimulationSettings.POLICY_2005_FROM
              + " or later: the simulated staff and policies begin then");
    }
    Path dataDir = Files.createTempDirectory("access-audit-demo-");
    Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
    try {
      AuditConfig config =
          common.load(context, Map.of(AuditSetting.DATA_DIR.key(), dataDir.toString()));
      long chosenSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1_000_000);
      return new DemoRun(config, context, spec.commandLine(), log)
          .run(rate, chosenSeed, simulatedStart);
    } finally {
      deleteRecursively(dataDir);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(DemoCommand::delete);
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the demo's data in " + dir, e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + path, e);
    }
  }
}
