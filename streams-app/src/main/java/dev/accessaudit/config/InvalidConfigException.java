package dev.accessaudit.config;

/**
 * A setting is missing, malformed or out of range. The message is one sentence that says what to
 * fix, e.g. {@code audit.dedup.window='7 days' is not a duration; use a value like 7d, 12h or
 * PT30M}.
 */
public class InvalidConfigException extends IllegalArgumentException {
  public InvalidConfigException(String message) {
    super(message);
  }

  public InvalidConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
