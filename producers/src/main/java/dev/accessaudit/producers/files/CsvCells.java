package dev.accessaudit.producers.files;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into cells (RFC 4180 on a single line): cells are separated by commas, a cell
 * in double quotes may contain commas, and {@code ""} inside quotes is one quote. Unquoted cells
 * are trimmed.
 */
final class CsvCells {

  private CsvCells() {}

  /**
   * The cells of {@code line}.
   *
   * @throws IllegalArgumentException with a short phrase when a quote is not closed
   */
  static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    int i = 0;
    while (true) {
      StringBuilder cell = new StringBuilder();
      i =
          line.startsWith("\"", skipSpaces(line, i))
              ? quoted(line, skipSpaces(line, i), cell)
              : plain(line, i, cell);
      cells.add(cell.toString());
      if (i >= line.length()) {
        return cells;
      }
      i++; // the comma
    }
  }

  private static int plain(String line, int start, StringBuilder cell) {
    int end = line.indexOf(',', start);
    end = end < 0 ? line.length() : end;
    cell.append(line, start, end);
    String trimmed = cell.toString().strip();
    cell.setLength(0);
    cell.append(trimmed);
    return end;
  }

  private static int quoted(String line, int openQuote, StringBuilder cell) {
    int i = openQuote + 1;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
        cell.append('"');
        i += 2;
      } else if (c == '"') {
        return afterClosingQuote(line, i + 1, openQuote);
      } else {
        cell.append(c);
        i++;
      }
    }
    throw new IllegalArgumentException(
        "the quote opened at column " + (openQuote + 1) + " is not closed");
  }

  private static int afterClosingQuote(String line, int from, int openQuote) {
    int i = skipSpaces(line, from);
    if (i < line.length() && line.charAt(i) != ',') {
      throw new IllegalArgumentException(
          "unexpected text after the quoted cell that starts at column " + (openQuote + 1));
    }
    return i;
  }

  private static int skipSpaces(String line, int from) {
    int i = from;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
