package dev.accessaudit.producers.files;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads a CSV file whose first line must be exactly the expected header, then one record per line,
 * all or nothing (see {@link LineReader}).
 */
final class CsvTable {

  /** Turns the cells of one data line into a record, adding each problem to {@code problems}. */
  interface RowParser<T> {
    T parse(List<String> cells, List<String> problems);
  }

  private CsvTable() {}

  static <T> List<T> read(Path file, List<String> header, RowParser<T> parser)
      throws InvalidFileException {
    List<String> lines = LineReader.lines(file);
    checkHeader(file, lines, header);
    return LineReader.read(file, 2, (line, problems) -> row(line, header, parser, problems));
  }

  private static void checkHeader(Path file, List<String> lines, List<String> header)
      throws InvalidFileException {
    String expected = String.join(",", header);
    if (lines.isEmpty()) {
      throw LineReader.fileProblem(file, "the file is empty: the first line must be " + expected);
    }
    String first = LineReader.stripByteOrderMark(lines.get(0));
    List<String> cells;
    try {
      cells = CsvCells.split(first);
    } catch (IllegalArgumentException e) {
      cells = List.of();
    }
    if (!cells.equals(header)) {
      throw new InvalidFileException(
          file, List.of(new LineError(1, "the header must be exactly " + expected)));
    }
  }

  private static <T> T row(
      String line, List<String> header, RowParser<T> parser, List<String> problems) {
    List<String> cells;
    try {
      cells = CsvCells.split(line);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
      return null;
    }
    if (cells.size() != header.size()) {
      problems.add("expected " + header.size() + " cells, found " + cells.size());
      return null;
    }
    return parser.parse(cells, problems);
  }

  /** The cell's text, or null when it is empty. */
  static String optional(String cell) {
    return cell.isEmpty() ? null : cell;
  }
}
