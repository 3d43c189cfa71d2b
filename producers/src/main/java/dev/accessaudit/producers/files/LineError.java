package dev.accessaudit.producers.files;

/**
 * One problem of an input file.
 *
 * @param line the 1-based line number; 0 when the problem concerns the file as a whole
 * @param message what is wrong, a short phrase a person understands
 */
public record LineError(int line, String message) {

  @Override
  public String toString() {
    return line == 0 ? message : "line " + line + ": " + message;
  }
}
