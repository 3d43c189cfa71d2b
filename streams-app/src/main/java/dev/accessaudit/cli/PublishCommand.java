package dev.accessaudit.cli;

import dev.accessaudit.app.Clients;
import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.producers.AccessEventPublisher;
import dev.accessaudit.producers.files.AccessEventFile;
import dev.accessaudit.producers.files.InvalidFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code ./audit publish --file events.jsonl}: publishes access events written as JSON lines. */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Publish access events from a JSON-lines file, all or nothing.",
      "Publish access events from a JSON-lines file (one AccessEvent object per line, times as"
          + " ISO-8601 instants) to the access events topic, keyed by staffId.",
      "Every line is validated first: if any line is invalid, each is reported as FILE:LINE:"
          + " problem, nothing is published, and the exit code is 2. Publishing a file twice is"
          + " harmless: the pipeline judges each eventId once."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  ./audit publish --file events.jsonl",
      "  where each line looks like:",
      "  {\"eventId\":\"e-1\",\"occurredAt\":\"2026-03-01T09:00:00Z\",\"service\":\"crm\","
          + "\"staffId\":\"s-104\",\"staffOffice\":\"GB\",\"visitorId\":\"v-88\","
          + "\"category\":\"CONTACT_INFO\",\"action\":\"VIEW\",\"purpose\":\"CUSTOMER_CONTACT\","
          + "\"encryptedInTransit\":true,\"fields\":[\"email\"]}"
    })
final class PublishCommand extends FileCommand<AccessEvent> {
  @Override
  List<AccessEvent> read(Path file) throws InvalidFileException {
    return AccessEventFile.read(file);
  }

  @Override
  Sink<AccessEvent> open(AuditConfig config) {
    AccessEventPublisher publisher =
        AccessEventPublisher.builder()
            .properties(Clients.commandConfig(config))
            .topic(topic(config))
            .build();
    return Sink.of(publisher::publish, publisher::close);
  }

  @Override
  String noun() {
    return "access events";
  }

  @Override
  String topic(AuditConfig config) {
    return config.topics().accessEvents();
  }
}
