package dev.accessaudit.streams.errors;

/**
 * An agreement or consent record that decoded but must not be applied (no key, a key that differs
 * from its value's id, a time outside what the history keeps). The processing exception handler
 * turns it into a dead letter on the state dead-letter topic with stage {@code validate}; its
 * message is the dead-letter reason.
 */
public class InvalidStateRecordException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidStateRecordException(String reason) {
    super(reason);
  }
}
