package dev.accessaudit.cli;

import dev.accessaudit.config.InvalidConfigException;
import dev.accessaudit.registry.SchemaRegistryException;
import java.net.ConnectException;
import java.util.Locale;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;

/** Turns an exception into the one sentence the user sees, and decides the exit code. */
final class ErrorMessages {
  static final int RUNTIME_FAILURE = 1;
  static final int BAD_INPUT = 2;

  private ErrorMessages() {}

  static int exitCode(Throwable e) {
    return e instanceof BadInputException || e instanceof InvalidConfigException
        ? BAD_INPUT
        : RUNTIME_FAILURE;
  }

  /** One sentence, without a trailing period, naming what failed and what to do. */
  static String sentence(Throwable e) {
    Throwable cause = unwrap(e);
    if (cause instanceof TimeoutException) {
      return "Kafka did not answer in time ("
          + firstSentence(cause)
          + "): check that it runs (./audit start) and that bootstrap.servers is right";
    }
    if (cause instanceof ConnectException || hasCause(cause, ConnectException.class)) {
      return "could not connect: "
          + firstSentence(cause)
          + " (is ./audit start running, and are bootstrap.servers and schema.registry.url right?)";
    }
    if (cause instanceof SchemaRegistryException) {
      return "the schema registry refused: " + firstSentence(cause);
    }
    return firstSentence(cause);
  }

  private static Throwable unwrap(Throwable e) {
    Throwable current = e;
    while (current.getCause() != null
        && (current.getMessage() == null
            || current instanceof java.util.concurrent.ExecutionException
            || current instanceof java.util.concurrent.CompletionException
            || (current instanceof KafkaException
                && current.getCause() instanceof KafkaException))) {
      current = current.getCause();
    }
    return current;
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String firstSentence(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass()
          .getSimpleName()
          .replaceAll("([a-z])([A-Z])", "$1 $2")
          .toLowerCase(Locale.ROOT);
    }
    String line = message.strip().lines().findFirst().orElse(message).strip();
    return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
  }
}
