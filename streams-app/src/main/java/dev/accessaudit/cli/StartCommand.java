package dev.accessaudit.cli;

import dev.accessaudit.app.AuditApplication;
import dev.accessaudit.app.Policies;
import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.config.AuditSetting;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ./audit start}: runs the pipeline until Ctrl-C. */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Run the pipeline until Ctrl-C; with no bootstrap.servers, Kafka and the registry too.",
      "Run the pipeline until Ctrl-C (or SIGTERM): create the topics, register the schemas, judge"
          + " every access event and publish compliance alerts; GET /health on audit.http.port"
          + " (8080) answers 200 once it runs.",
      "With no bootstrap.servers configured it also runs Kafka (localhost:9092) and the schema"
          + " registry (http://localhost:8081) in-process, keeping their data under --data-dir"
          + " across restarts."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./audit start                                 embedded, data in ./data",
      "  ./audit start --data-dir /var/lib/audit",
      "  ./audit start --config prod.properties        against your Kafka and registry",
      "  AUDIT_POLICY_FILE=my-policy.yaml ./audit start"
    })
final class StartCommand implements Callable<Integer> {
  private static final Duration RUNNING_TIMEOUT = Duration.ofMinutes(2);

  @ParentCommand RootCommand root;
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      description =
          "Where embedded Kafka, the registry and Kafka Streams keep their data (audit.data.dir,"
              + " default ./data).")
  Path dataDir;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, String> overrides = new HashMap<>();
    if (dataDir != null) {
      overrides.put(AuditSetting.DATA_DIR.key(), dataDir.toString());
    }
    AuditConfig config = common.load(root.context(), overrides);
    PrintWriter out = spec.commandLine().getOut();
    try (AuditApplication app =
        AuditApplication.start(config, Policies.of(config), root.context().clock())) {
      root.context().onStop().accept(app::close);
      if (!app.awaitRunning(RUNNING_TIMEOUT) && app.state().hasStartedOrFinishedShuttingDown()) {
        return stoppedEarly(app);
      }
      out.printf(
          "access-audit is running: Kafka %s, schema registry %s, health"
              + " http://localhost:%d/health (Ctrl-C to stop)%n",
          app.bootstrapServers(), app.schemaRegistryUrl(), app.httpPort());
      out.flush();
      app.awaitStopped();
      return app.failed() ? stoppedEarly(app) : 0;
    }
  }

  private int stoppedEarly(AuditApplication app) {
    if (!app.failed()) {
      return 0;
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "audit: the pipeline stopped on an error (" + app.state() + "); the log above says why");
    err.flush();
    return ErrorMessages.RUNTIME_FAILURE;
  }
}
