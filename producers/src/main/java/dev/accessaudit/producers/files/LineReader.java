package dev.accessaudit.producers.files;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a UTF-8 file line by line, all or nothing: every non-blank line is parsed and checked, and
 * the records are returned only when no line had a problem.
 */
final class LineReader {

  /** Parses one line into a record, adding each problem found to {@code problems}. */
  interface LineParser<T> {
    T parse(String line, List<String> problems);
  }

  private LineReader() {}

  static <T> List<T> read(Path file, int firstLine, LineParser<T> parser)
      throws InvalidFileException {
    List<String> lines = lines(file);
    List<T> records = new ArrayList<>();
    List<LineError> errors = new ArrayList<>();
    for (int i = firstLine - 1; i < lines.size(); i++) {
      String line = i == 0 ? stripByteOrderMark(lines.get(i)) : lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      List<String> problems = new ArrayList<>();
      T record = parser.parse(line, problems);
      int number = i + 1;
      problems.forEach(p -> errors.add(new LineError(number, p)));
      records.add(record);
    }
    if (!errors.isEmpty()) {
      throw new InvalidFileException(file, errors);
    }
    return List.copyOf(records);
  }

  static List<String> lines(Path file) throws InvalidFileException {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw fileProblem(file, "the file does not exist");
    } catch (CharacterCodingException e) {
      throw fileProblem(file, "the file is not UTF-8 text");
    } catch (IOException e) {
      throw fileProblem(file, "the file cannot be read: " + e.getMessage());
    }
  }

  static InvalidFileException fileProblem(Path file, String message) {
    return new InvalidFileException(file, List.of(new LineError(0, message)));
  }

  static String stripByteOrderMark(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  /** Problems the validator found, minus those about fields that already failed to parse. */
  static List<String> withoutRepeats(List<String> validation, List<String> parsing) {
    Function<String, String> field = p -> p.split("[ \\[]", 2)[0];
    List<String> failed = parsing.stream().map(field).toList();
    return validation.stream().filter(p -> !failed.contains(field.apply(p))).toList();
  }
}
