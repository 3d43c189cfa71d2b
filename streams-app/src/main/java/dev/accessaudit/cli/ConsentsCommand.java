package dev.accessaudit.cli;

import dev.accessaudit.app.Clients;
import dev.accessaudit.avro.VisitorConsent;
import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.producers.ConsentPublisher;
import dev.accessaudit.producers.files.ConsentCsvFile;
import dev.accessaudit.producers.files.InvalidFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code ./audit consents --file consents.csv}: publishes visitor consents from CSV. */
@Command(
    name = "consents",
    mixinStandardHelpOptions = true,
    description = {
      "Publish visitor consents (marketing opt-outs) from a CSV file, all or nothing.",
      "Publish visitor consents (marketing opt-outs) from a CSV file with the header row"
          + " visitorId,marketingOptOut,effectiveFrom,channel to the consents topic, keyed by"
          + " visitorId, each timestamped with its effectiveFrom.",
      "Every line is validated first: if any line is invalid, each is reported as FILE:LINE:"
          + " problem, nothing is published, and the exit code is 2."
    },
    footerHeading = "%nExample file:%n",
    footer = {
      "  visitorId,marketingOptOut,effectiveFrom,channel",
      "  v-000123,true,2026-02-01T12:00:00Z,unsubscribe@example.co.uk",
      "  v-000124,false,2026-02-03T08:30:00Z,"
    })
final class ConsentsCommand extends FileCommand<VisitorConsent> {
  @Override
  List<VisitorConsent> read(Path file) throws InvalidFileException {
    return ConsentCsvFile.read(file);
  }

  @Override
  Sink<VisitorConsent> open(AuditConfig config) {
    ConsentPublisher publisher =
        ConsentPublisher.builder()
            .properties(Clients.commandConfig(config))
            .topic(topic(config))
            .build();
    return Sink.of(publisher::publish, publisher::close);
  }

  @Override
  String noun() {
    return "visitor consents";
  }

  @Override
  String topic(AuditConfig config) {
    return config.topics().consents();
  }
}
