package dev.accessaudit.cli;

import dev.accessaudit.app.Clients;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.serde.AvroSerdes;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ./audit alerts}: prints compliance alerts, one per line. */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description = {
      "Print compliance alerts from the alerts topic, one per line, oldest first per partition."
          + " Only committed alerts are read (read_committed). Without --follow it stops at the"
          + " end of the topic as it was when the command started."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  ./audit alerts                               every alert so far",
      "  ./audit alerts --follow --severity HIGH      HIGH and CRITICAL alerts as they land",
      "  ./audit alerts --from 2026-01-31 --rule AGREEMENT_REVOKED --format json",
      "  ./audit alerts --from 1h | grep s-104        the last hour, filtered"
    })
final class AlertsCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing new alerts as they land, until Ctrl-C.")
  boolean follow;

  @Option(
      names = "--from",
      paramLabel = "TIME",
      description =
          "Only alerts for accesses at or after TIME: an instant (2026-01-31T09:00:00Z), a date"
              + " (2026-01-31, UTC) or a time back from now (30m, 1h, 7d). Default: from the"
              + " beginning.")
  String from;

  @Option(
      names = "--severity",
      paramLabel = "MIN",
      defaultValue = "LOW",
      description = "Minimum severity: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  AlertFilter.MinSeverity severity;

  @Option(
      names = "--rule",
      paramLabel = "ID",
      split = ",",
      description =
          "Only alerts of these rules, e.g. AGREEMENT_REVOKED; repeat or separate with commas."
              + " Default: every rule.")
  Set<String> rules = Set.of();

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text (one readable line per alert) or json (one JSON object per line).")
  AlertFormat format;

  @Override
  public Integer call() {
    CliContext context = root.context();
    AuditConfig config = common.load(context);
    Optional<Instant> since =
        Optional.ofNullable(from).map(t -> TimeSpec.parse("--from", t, context.clock()));
    AlertFilter filter = new AlertFilter(severity, rules);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (KafkaConsumer<String, ComplianceAlert> consumer = consumer(config)) {
      AlertReader reader = new AlertReader(consumer, config.topics().alerts(), w -> warn(err, w));
      if (follow) {
        context.onStop().accept(reader::stop);
      }
      reader.read(
          since,
          follow,
          alert -> {
            if (filter.matches(alert)
                && since.map(t -> !alert.getOccurredAt().isBefore(t)).orElse(true)) {
              out.println(format.format(alert));
              out.flush();
            }
          });
    }
    return 0;
  }

  private static void warn(PrintWriter err, String warning) {
    err.println("audit: " + warning);
    err.flush();
  }

  private static KafkaConsumer<String, ComplianceAlert> consumer(AuditConfig config) {
    Map<String, Object> settings = Clients.consumerConfig(config);
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
    Deserializer<ComplianceAlert> values =
        AvroSerdes.valueSerde(ComplianceAlert.class, settings).deserializer();
    return new KafkaConsumer<>(settings, new StringDeserializer(), values);
  }
}
