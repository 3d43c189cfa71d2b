package dev.accessaudit.cli;

import dev.accessaudit.app.Clients;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.producers.AgreementPublisher;
import dev.accessaudit.producers.files.AgreementCsvFile;
import dev.accessaudit.producers.files.InvalidFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code ./audit agreements --file staff.csv}: publishes staff agreements from CSV. */
@Command(
    name = "agreements",
    mixinStandardHelpOptions = true,
    description = {
      "Publish staff agreements from a CSV file, all or nothing.",
      "Publish staff agreements from a CSV file with the header row"
          + " staffId,status,employment,effectiveFrom,expiresAt,agreementId,source to the"
          + " agreements topic, keyed by staffId, each timestamped with its effectiveFrom.",
      "status: ACTIVE, PENDING, EXPIRED or REVOKED; employment: EMPLOYEE, CONTRACTOR or VENDOR;"
          + " times as ISO-8601 instants; empty expiresAt or agreementId = none.",
      "Every line is validated first: if any line is invalid, each is reported as FILE:LINE:"
          + " problem, nothing is published, and the exit code is 2."
    },
    footerHeading = "%nExample file:%n",
    footer = {
      "  staffId,status,employment,effectiveFrom,expiresAt,agreementId,source",
      "  s-0042,ACTIVE,EMPLOYEE,2026-01-05T09:00:00Z,2027-01-05T09:00:00Z,NDA-42,hr-system",
      "  s-0043,REVOKED,CONTRACTOR,2026-02-01T00:00:00Z,,,hr-system"
    })
final class AgreementsCommand extends FileCommand<StaffAgreement> {
  @Override
  List<StaffAgreement> read(Path file) throws InvalidFileException {
    return AgreementCsvFile.read(file);
  }

  @Override
  Sink<StaffAgreement> open(AuditConfig config) {
    AgreementPublisher publisher =
        AgreementPublisher.builder()
            .properties(Clients.commandConfig(config))
            .topic(topic(config))
            .build();
    return Sink.of(publisher::publish, publisher::close);
  }

  @Override
  String noun() {
    return "staff agreements";
  }

  @Override
  String topic(AuditConfig config) {
    return config.topics().agreements();
  }
}
