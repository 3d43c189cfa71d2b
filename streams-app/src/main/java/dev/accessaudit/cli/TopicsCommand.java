package dev.accessaudit.cli;

import dev.accessaudit.app.Clients;
import dev.accessaudit.app.TopicProvisioner;
import dev.accessaudit.app.TopicReport;
import dev.accessaudit.app.TopicSpec;
import dev.accessaudit.config.AuditConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ./audit topics}: creates the contract's topics and reports those that differ. */
@Command(
    name = "topics",
    mixinStandardHelpOptions = true,
    description = {
      "Create the pipeline's topics with the contract's settings, idempotently: access events,"
          + " agreements, consents, alerts and dead letters, each kept forever (retention.ms=-1,"
          + " cleanup.policy=delete), audit.topics.partitions partitions.",
      "Existing topics are never changed; any whose partitions or settings differ is reported."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./audit topics                                   against ./audit start on localhost",
      "  ./audit topics --config prod.properties",
      "  AUDIT_BOOTSTRAP_SERVERS=kafka:9092 AUDIT_TOPICS_REPLICATION_FACTOR=3 ./audit topics"
    })
final class TopicsCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    AuditConfig config = common.load(root.context());
    TopicReport report;
    try (Admin admin = Clients.admin(config)) {
      report = new TopicProvisioner(admin).provision(TopicSpec.contractTopics(config));
    }
    print(report, config, spec.commandLine().getOut());
    return 0;
  }

  private static void print(TopicReport report, AuditConfig config, PrintWriter out) {
    int partitions = config.topics().partitions();
    report
        .created()
        .forEach(
            t -> out.printf("created topic %s (%d partitions, kept forever)%n", t, partitions));
    report.unchanged().forEach(t -> out.printf("topic %s exists with the expected settings%n", t));
    report.differences().forEach(d -> out.println(d.sentence() + " (left unchanged)"));
    if (!report.consistent()) {
      out.println(
          "existing topics are never altered: change them by hand if the difference matters");
    }
    out.flush();
  }
}
