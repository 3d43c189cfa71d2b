package dev.accessaudit.streams.policy;

/**
 * One problem in a policy or policy test file.
 *
 * @param file the file as the user named it
 * @param line 1-based line
 * @param column 1-based column
 * @param message what is wrong, as a phrase a person understands
 */
public record PolicyProblem(String file, int line, int column, String message) {

  /**
   * E.g. {@code policy.yaml:12:5: unknown severity 'HGIH' (known: LOW, MEDIUM, HIGH, CRITICAL)}.
   */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}
