package dev.accessaudit.cli;

/** The user's input (an option value, a file) is wrong: exit code 2, message on stderr. */
public class BadInputException extends RuntimeException {
  public BadInputException(String message) {
    super(message);
  }
}
