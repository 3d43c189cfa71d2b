package dev.accessaudit.producers.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.EmploymentType;
import dev.accessaudit.avro.StaffAgreement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgreementCsvFileTest {

  private static final String HEADER =
      "staffId,status,employment,effectiveFrom,expiresAt,agreementId,source";

  @TempDir Path dir;

  private Path file(String... lines) throws IOException {
    return Files.write(dir.resolve("agreements.csv"), List.of(lines));
  }

  private static List<LineError> errorsOf(Path file) {
    return catchThrowableOfType(InvalidFileException.class, () -> AgreementCsvFile.read(file))
        .errors();
  }

  @Test
  void shouldReadAgreementsWithEmptyOptionalCellsAndQuotedCommas() throws Exception {
    List<StaffAgreement> agreements =
        AgreementCsvFile.read(
            file(
                HEADER,
                "s-0042,ACTIVE,EMPLOYEE,2026-01-05T09:00:00Z,2027-01-05T09:00:00Z,NDA-42,hr-system",
                "",
                "s-0043,REVOKED,CONTRACTOR,1772360130000,,,\"hr-system, manual \"\"fix\"\"\""));

    assertThat(agreements).hasSize(2);
    StaffAgreement first = agreements.get(0);
    assertThat(first.getStatus()).isEqualTo(AgreementStatus.ACTIVE);
    assertThat(first.getExpiresAt()).isEqualTo(Instant.parse("2027-01-05T09:00:00Z"));
    StaffAgreement second = agreements.get(1);
    assertThat(second.getEmployment()).isEqualTo(EmploymentType.CONTRACTOR);
    assertThat(second.getEffectiveFrom().toEpochMilli()).isEqualTo(1772360130000L);
    assertThat(second.getExpiresAt()).isNull();
    assertThat(second.getAgreementId()).isNull();
    assertThat(second.getSource()).isEqualTo("hr-system, manual \"fix\"");
  }

  @Test
  void shouldAcceptUnknownStatusBecauseItMeansNoAgreement() throws Exception {
    assertThat(AgreementCsvFile.read(file(HEADER, "s-1,UNKNOWN,EMPLOYEE,1000,,,hr")))
        .extracting(StaffAgreement::getStatus)
        .containsExactly(AgreementStatus.UNKNOWN);
  }

  @Test
  void shouldRefuseAWrongHeader() throws Exception {
    assertThat(errorsOf(file("staffId,status", "s-1,ACTIVE")))
        .containsExactly(new LineError(1, "the header must be exactly " + HEADER));
  }

  @Test
  void shouldReportEveryBadLine() throws Exception {
    Path f =
        file(
            HEADER,
            "s-1,SIGNED,EMPLOYEE,2026-01-05T09:00:00Z,,,hr",
            "s-2,ACTIVE,EMPLOYEE,2026-01-05T09:00:00Z,2026-01-01T00:00:00Z,,hr",
            "s-3,ACTIVE,EMPLOYEE",
            ",ACTIVE,EMPLOYEE,2026-01-05T09:00:00Z,,,\"hr",
            ",ACTIVE,EMPLOYEE,,,,");

    assertThat(errorsOf(f))
        .containsExactly(
            new LineError(
                2, "status 'SIGNED' is not one of ACTIVE, PENDING, EXPIRED, REVOKED, UNKNOWN"),
            new LineError(
                3,
                "expiresAt 2026-01-01T00:00:00Z is not after effectiveFrom 2026-01-05T09:00:00Z"),
            new LineError(4, "expected 7 cells, found 3"),
            new LineError(5, "the quote opened at column 41 is not closed"),
            new LineError(6, "staffId is missing"),
            new LineError(6, "effectiveFrom is missing"),
            new LineError(6, "source is missing"));
  }

  @Test
  void shouldReportAnEmptyFile() throws Exception {
    assertThat(errorsOf(file()))
        .containsExactly(new LineError(0, "the file is empty: the first line must be " + HEADER));
  }
}
