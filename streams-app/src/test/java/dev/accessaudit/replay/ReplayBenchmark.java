package dev.accessaudit.replay;

import dev.accessaudit.app.TestBroker;
import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.registry.SchemaRegistryClients;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.topology.PipelineOptions;
import dev.accessaudit.streams.topology.TopicNames;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Replay throughput on a generated history (not a test: run it by hand, see docs/auditors.md).
 * Arguments: {@code [EVENTS [VIOLATIONS]]}, default 1,000,000 events of which a share 0.02 break
 * rules (the rest comply, as in a real history; 1.0 makes almost every access raise alerts). Starts
 * an in-process broker, publishes the accesses of 2,000 staff members to 100,000 visitors, 30 days
 * of them for every million events (the same rate at every size), plus their agreements, then
 * replays the whole period three times with the shipped default policy and prints events per second
 * (read from the broker, decoded, validated, de-duplicated, judged) and the peak heap of each run.
 * Loading is timed separately and not part of the figure.
 */
public final class ReplayBenchmark {

  private ReplayBenchmark() {}

  public static void main(String[] args) throws Exception {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    double violations = args.length > 1 ? Double.parseDouble(args[1]) : 0.02;
    TopicNames names = TopicNames.defaults();
    String scope = "bench-" + System.nanoTime();
    Map<String, Object> clients = new HashMap<>();
    clients.put("schema.registry.url", "mock://" + scope);
    TestBroker cluster = ReplayCluster.start();
    try {
      clients.put("bootstrap.servers", cluster.bootstrapServers());
      ReplayCluster.createTopics(cluster.bootstrapServers(), names, 3);
      Duration period = period(events);
      HistoryGenerator history = new HistoryGenerator(42, 2_000, 100_000, period, violations);
      load(history, events, clients, names);
      PrintWriter err = new PrintWriter(System.err, true);
      Progress progress = System.console() != null ? new TerminalProgress(err) : Progress.NONE;
      ReplayRequest all =
          reported(
              ReplayRequest.of(
                  HistoryGenerator.START, HistoryGenerator.START.plus(period.plusDays(1))));
      Replayer replayer =
          new Replayer(
              clients,
              names,
              PipelineOptions.defaults().withGrace(Duration.ofSeconds(10)),
              Clock.systemUTC());
      ReplayResult result = null;
      for (int run = 1; run <= Integer.getInteger("bench.runs", 3); run++) {
        HeapWatch heap = new HeapWatch();
        long cpuBefore = processCpuNanos();
        if (result != null) {
          result.close();
        }
        try (heap) {
          result = replayer.replay(all, policy(), "benchmark", progress);
        }
        long cpu = processCpuNanos() - cpuBefore;
        ReplayStats stats = result.stats();
        System.out.printf(
            Locale.ROOT,
            "run %d: %s%n       throughput %.0f events/s (%d records read and judged), %.1f CPU µs"
                + " per record (whole process, %d cores); %s%n",
            run,
            stats.summary(),
            stats.recordsPerSecond(),
            stats.recordsRead(),
            cpu / 1e3 / stats.recordsRead(),
            Runtime.getRuntime().availableProcessors(),
            heap.summary());
      }
      writeReport(result);
      result.close();
    } finally {
      cluster.close();
      SchemaRegistryClients.dropMockScope(scope);
    }
  }

  /**
   * With -Dbench.report=one-staff, the replay still judges every access but reports (and keeps)
   * only one staff member's alerts. The result keeps the alerts on disk, so the heap is the
   * replay's own state either way; this shows how much of the time goes to keeping the alerts.
   */
  private static ReplayRequest reported(ReplayRequest request) {
    String report = System.getProperty("bench.report", "all");
    return switch (report) {
      case "all" -> request;
      case "one-staff" -> request.withStaff(HistoryGenerator.staffId(0));
      default -> throw new IllegalArgumentException("bench.report is all or one-staff: " + report);
    };
  }

  /** CPU time of the whole process so far (every thread: replay workers, reader, GC, broker). */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * The history's period: 30 days for every million events, so that the rate, and with it what the
   * pipeline's windows hold, is the same at every size, and memory can be compared across sizes.
   */
  static Duration period(long events) {
    return Duration.ofMillis(Math.max(Duration.ofDays(1).toMillis(), events * 2_592L));
  }

  /** With -Dbench.html=FILE, writes the last replay as the HTML report, to look at. */
  private static void writeReport(ReplayResult result) throws java.io.IOException {
    String file = System.getProperty("bench.html");
    if (file != null) {
      try (PrintWriter out =
          new PrintWriter(java.nio.file.Files.newBufferedWriter(java.nio.file.Path.of(file)))) {
        ReportFormat.HTML.write(result, out);
      }
      System.out.println("wrote the HTML report of the last run to " + file);
    }
  }

  private static void load(
      HistoryGenerator history, long events, Map<String, Object> clients, TopicNames names)
      throws Exception {
    long started = System.nanoTime();
    Map<String, String> serde =
        Map.of("schema.registry.url", clients.get("schema.registry.url").toString());
    try (Scenario out = new Scenario(clients.get("bootstrap.servers").toString(), serde, names)) {
      history.agreements(out);
      for (long i = 0; i < events; i++) {
        AccessEvent e = history.access(i, events);
        if (history.wronglyKeyed()) {
          out.publish("s-wrong", e);
        } else {
          out.publish(e);
        }
        if (history.duplicate()) {
          out.publish(e);
        }
      }
      out.flush();
    }
    System.out.printf(
        Locale.ROOT,
        "loaded %,d events in %.1f s (not part of the replay figure)%n",
        events,
        (System.nanoTime() - started) / 1e9);
  }

  /** The shipped default policy (version 2009 is in force for the generated period). */
  static Policy policy() {
    return ReplayPolicy.builtIn().policy();
  }
}
