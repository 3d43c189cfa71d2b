package dev.accessaudit.producers.files;

import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.EmploymentType;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.validation.RecordValidator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads staff agreements from a CSV file whose header row is exactly {@code
 * staffId,status,employment,effectiveFrom,expiresAt,agreementId,source}.
 *
 * <p>Times are ISO-8601 instants ({@code 2026-03-01T10:15:30Z}) or epoch milliseconds; enums by
 * name; an empty {@code expiresAt} or {@code agreementId} cell means none; cells with commas go in
 * double quotes. All or nothing: when any line is invalid (including what {@link RecordValidator}
 * finds), {@link InvalidFileException} lists every problem with its line number.
 *
 * <pre>{@code
 * staffId,status,employment,effectiveFrom,expiresAt,agreementId,source
 * s-0042,ACTIVE,EMPLOYEE,2026-01-05T09:00:00Z,2027-01-05T09:00:00Z,NDA-2026-0042,hr-system
 * s-0043,REVOKED,CONTRACTOR,2026-02-01T00:00:00Z,,,"hr-system, manual"
 * }</pre>
 */
public final class AgreementCsvFile {

  /** The header row, in order. */
  public static final List<String> HEADER =
      List.of(
          "staffId", "status", "employment", "effectiveFrom", "expiresAt", "agreementId", "source");

  private AgreementCsvFile() {}

  /**
   * Every agreement in {@code file}, in file order.
   *
   * @throws InvalidFileException when the file cannot be read or any line is invalid
   */
  public static List<StaffAgreement> read(Path file) throws InvalidFileException {
    return CsvTable.read(file, HEADER, AgreementCsvFile::agreement);
  }

  private static StaffAgreement agreement(List<String> cells, List<String> problems) {
    List<String> parsing = new ArrayList<>();
    StaffAgreement a = new StaffAgreement();
    a.setStaffId(CsvTable.optional(cells.get(0)));
    a.setStatus(symbol(AgreementStatus.class, "status", cells.get(1), parsing));
    a.setEmployment(symbol(EmploymentType.class, "employment", cells.get(2), parsing));
    Instant effectiveFrom = time("effectiveFrom", cells.get(3), parsing);
    if (effectiveFrom != null) { // the generated setter refuses null; the validator reports it
      a.setEffectiveFrom(effectiveFrom);
    }
    a.setExpiresAt(time("expiresAt", cells.get(4), parsing));
    a.setAgreementId(CsvTable.optional(cells.get(5)));
    a.setSource(CsvTable.optional(cells.get(6)));
    problems.addAll(parsing);
    problems.addAll(LineReader.withoutRepeats(RecordValidator.problems(a), parsing));
    return a;
  }

  private static <E extends Enum<E>> E symbol(
      Class<E> type, String name, String cell, List<String> problems) {
    return cell.isEmpty() ? null : FieldValues.symbol(type, name, cell, problems);
  }

  private static Instant time(String name, String cell, List<String> problems) {
    return cell.isEmpty() ? null : FieldValues.instant(name, cell, problems);
  }
}
