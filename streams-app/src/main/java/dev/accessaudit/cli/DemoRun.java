package dev.accessaudit.cli;

import dev.accessaudit.app.AuditApplication;
import dev.accessaudit.app.Clients;
import dev.accessaudit.app.Policies;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.serde.AvroSerdes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine;

/** One run of the demo: pipeline, traffic and feed, until Ctrl-C or a failure. */
final class DemoRun {
  private static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(2);

  private final AuditConfig config;
  private final CliContext context;
  private final PrintWriter out;
  private final Path log;
  private final CountDownLatch stop = new CountDownLatch(1);

  DemoRun(AuditConfig config, CliContext context, CommandLine cli, Path log) {
    this.config = config;
    this.context = context;
    this.out = cli.getOut();
    this.log = log;
  }

  int run(double rate, long seed, Instant start) throws InterruptedException {
    boolean logInFile = LogFile.redirectTo(log);
    say(
        "starting Kafka, the schema registry and the pipeline in-process"
            + (logInFile ? " (log: " + log + ")" : "")
            + "...");
    context.onStop().accept(stop::countDown);
    try (AuditApplication app =
        AuditApplication.start(config, Policies.of(config), context.clock())) {
      if (!app.awaitRunning(RUNNING_TIMEOUT)) {
        throw new IllegalStateException("the pipeline did not start within 2 minutes; see " + log);
      }
      say(
          String.format(
              "pipeline running; publishing about %s simulated access events a second (seed %d)",
              format(rate), seed));
      if (start != null) {
        say(
            "simulated time starts at "
                + start
                + ": the policy version in force changes on the way, and each alert names the"
                + " version that judged it");
      }
      return show(app, rate, seed, start);
    }
  }

  private int show(AuditApplication app, double rate, long seed, Instant start)
      throws InterruptedException {
    Dashboard dashboard = new Dashboard(context.terminal());
    Instant started = context.clock().instant();
    try (Traffic traffic = new Traffic(config, rate, seed, context.clock(), start);
        Background tasks = new Background()) {
      tasks.start("demo-traffic", () -> traffic.run(rate, Traffic.FOREVER), traffic::stop);
      DemoFeed feed =
          feed(
              alert -> {
                dashboard.add(alert);
                if (!context.terminal()) {
                  print(alert);
                }
              });
      tasks.start("demo-alerts", feed, feed::stop);
      while (!stop.await(1, TimeUnit.SECONDS) && !app.failed()) {
        if (context.terminal()) {
          draw(dashboard, app, feed, started);
        }
      }
      say(
          String.format(
              "stopping: %d access events published, %d alerts, %d dead letters",
              feed.published(), dashboard.total(), feed.deadLetters()));
    }
    return app.failed() ? ErrorMessages.RUNTIME_FAILURE : 0;
  }

  private void draw(Dashboard dashboard, AuditApplication app, DemoFeed feed, Instant started) {
    String endpoints =
        String.format(
            "Kafka %s   registry %s   health http://localhost:%d/health",
            app.bootstrapServers(), app.schemaRegistryUrl(), app.httpPort());
    Duration uptime = Duration.between(started, context.clock().instant());
    var status =
        new Dashboard.Status(
            app.state().name(), uptime, feed.published(), feed.deadLetters(), endpoints);
    out.print(dashboard.render(status, width()));
    out.flush();
  }

  private DemoFeed feed(java.util.function.Consumer<ComplianceAlert> sink) {
    Map<String, Object> settings = Clients.consumerConfig(config);
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    var alerts = AvroSerdes.valueSerde(ComplianceAlert.class, settings).deserializer();
    var consumer =
        new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    AuditConfig.TopicSettings t = config.topics();
    return new DemoFeed(
        consumer, alerts, List.of(t.alerts(), t.deadLetter(), t.accessEvents()), sink);
  }

  private synchronized void print(ComplianceAlert alert) {
    out.println(AlertFormat.TEXT.format(alert));
    out.flush();
  }

  private synchronized void say(String line) {
    out.println(line);
    out.flush();
  }

  private int width() {
    try {
      return Math.max(40, Integer.parseInt(context.env().getOrDefault("COLUMNS", "120").trim()));
    } catch (NumberFormatException e) {
      return 120;
    }
  }

  static String format(double rate) {
    return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
  }
}
