package dev.accessaudit.cli;

import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.config.Durations;
import dev.accessaudit.producers.simulator.SimulationResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ./audit simulate}: publishes realistic simulated traffic to a running pipeline. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Publish realistic simulated traffic to a running pipeline.",
      "The traffic: services' access events by 200"
          + " staff members to 100,000 visitors, with the staff agreements and visitor consents"
          + " that go with them, about 10%% of the accesses breaking a rule, some agreements"
          + " deliberately late. Event times follow the wall clock.",
      "At the end (or on Ctrl-C) it prints what it published and how many alerts the pipeline"
          + " must raise for it."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./audit simulate                               20 events a second until Ctrl-C",
      "  ./audit simulate --rate 200 --duration 5m",
      "  ./audit simulate --seed 42 --duration 30s      the same traffic as last time"
    })
final class SimulateCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(
      names = "--rate",
      paramLabel = "N",
      defaultValue = "20",
      description = "Access events per second (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--duration",
      paramLabel = "D",
      description = "How long to publish, e.g. 30s, 5m, 1h (default: until Ctrl-C).")
  String duration;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description =
          "Seed of the simulation: the same seed gives the same traffic (default: random,"
              + " printed at the end).")
  Long seed;

  @Override
  public Integer call() throws ExecutionException, InterruptedException {
    CliContext context = root.context();
    AuditConfig config = common.load(context);
    Duration length = length();
    checkRate(rate);
    AuditConfig.TopicSettings topics = config.topics();
    Preflight.requireTopics(
        config, List.of(topics.accessEvents(), topics.agreements(), topics.consents()));
    long chosenSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong(1_000_000);
    SimulationResult result;
    try (Traffic traffic = new Traffic(config, rate, chosenSeed, context.clock(), null)) {
      context.onStop().accept(traffic::stop);
      result = traffic.run(rate, length);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s (seed %d)%n", result.summary(), chosenSeed);
    out.flush();
    if (result.failedSends() > 0) {
      throw new IllegalStateException(
          result.failedSends() + " records were not published: " + result.firstFailure());
    }
    return 0;
  }

  static void checkRate(double rate) {
    if (!(rate > 0) || rate > 100_000) {
      throw new BadInputException(
          "--rate "
              + DemoRun.format(rate)
              + " is not a rate; use access events per second above 0, like 20");
    }
  }

  private Duration length() {
    if (duration == null) {
      return Traffic.FOREVER;
    }
    return Durations.parse(duration)
        .filter(d -> !d.isNegative() && !d.isZero())
        .orElseThrow(
            () ->
                new BadInputException(
                    "--duration '"
                        + duration
                        + "' is not a duration; use a value like 30s, 5m or 1h"));
  }
}
