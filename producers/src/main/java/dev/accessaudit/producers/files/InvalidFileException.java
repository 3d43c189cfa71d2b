package dev.accessaudit.producers.files;

import java.nio.file.Path;
import java.util.List;

/** A file was refused as a whole because at least one of its lines is invalid; lists them all. */
public final class InvalidFileException extends Exception {

  private final transient Path file;
  private final List<LineError> errors;

  /**
   * @param file the file read
   * @param errors every problem found, in line order, at least one
   */
  public InvalidFileException(Path file, List<LineError> errors) {
    super(summary(file, errors));
    this.file = file;
    this.errors = List.copyOf(errors);
  }

  /** The file read. */
  public Path file() {
    return file;
  }

  /** Every problem found, in line order. */
  public List<LineError> errors() {
    return errors;
  }

  private static String summary(Path file, List<LineError> errors) {
    long lines = errors.stream().mapToInt(LineError::line).filter(l -> l > 0).distinct().count();
    String head =
        lines == 0
            ? file + " cannot be used"
            : file + " has " + lines + (lines == 1 ? " invalid line" : " invalid lines");
    StringBuilder message = new StringBuilder(head).append(", nothing was read:");
    errors.forEach(e -> message.append(System.lineSeparator()).append("  ").append(e));
    return message.toString();
  }
}
