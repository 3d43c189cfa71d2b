package dev.accessaudit.producers.files;

import dev.accessaudit.avro.VisitorConsent;
import dev.accessaudit.validation.RecordValidator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads visitor consents from a CSV file whose header row is exactly {@code
 * visitorId,marketingOptOut,effectiveFrom,channel}.
 *
 * <p>{@code marketingOptOut} is {@code true} or {@code false}; times are ISO-8601 instants or epoch
 * milliseconds; an empty {@code channel} means none. All or nothing, like {@link AgreementCsvFile}.
 *
 * <pre>{@code
 * visitorId,marketingOptOut,effectiveFrom,channel
 * v-000123,true,2026-03-01T10:15:30Z,unsubscribe@rackspace.co.uk
 * }</pre>
 */
public final class ConsentCsvFile {

  /** The header row, in order. */
  public static final List<String> HEADER =
      List.of("visitorId", "marketingOptOut", "effectiveFrom", "channel");

  private ConsentCsvFile() {}

  /**
   * Every consent in {@code file}, in file order.
   *
   * @throws InvalidFileException when the file cannot be read or any line is invalid
   */
  public static List<VisitorConsent> read(Path file) throws InvalidFileException {
    return CsvTable.read(file, HEADER, ConsentCsvFile::consent);
  }

  private static VisitorConsent consent(List<String> cells, List<String> problems) {
    List<String> parsing = new ArrayList<>();
    VisitorConsent c = new VisitorConsent();
    c.setVisitorId(CsvTable.optional(cells.get(0)));
    if (cells.get(1).isEmpty()) {
      parsing.add("marketingOptOut is missing");
    } else {
      Boolean optOut = FieldValues.bool("marketingOptOut", cells.get(1), parsing);
      c.setMarketingOptOut(optOut != null && optOut);
    }
    Instant effectiveFrom =
        cells.get(2).isEmpty() ? null : FieldValues.instant("effectiveFrom", cells.get(2), parsing);
    if (effectiveFrom != null) { // the generated setter refuses null; the validator reports it
      c.setEffectiveFrom(effectiveFrom);
    }
    c.setChannel(CsvTable.optional(cells.get(3)));
    problems.addAll(parsing);
    problems.addAll(LineReader.withoutRepeats(RecordValidator.problems(c), parsing));
    return c;
  }
}
