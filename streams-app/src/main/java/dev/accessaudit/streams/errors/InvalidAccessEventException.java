package dev.accessaudit.streams.errors;

/**
 * An access event that decoded but must not be judged (wrong key, missing fields). The processing
 * exception handler turns it into a dead letter with stage {@code validate}; its message is the
 * dead-letter reason.
 */
public class InvalidAccessEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidAccessEventException(String reason) {
    super(reason);
  }
}
