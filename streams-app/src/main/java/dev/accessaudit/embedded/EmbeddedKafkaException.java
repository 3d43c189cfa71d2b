package dev.accessaudit.embedded;

/** The embedded broker could not start; the message is one sentence that says what to do. */
public class EmbeddedKafkaException extends RuntimeException {
  public EmbeddedKafkaException(String message) {
    super(message);
  }

  public EmbeddedKafkaException(String message, Throwable cause) {
    super(message, cause);
  }
}
