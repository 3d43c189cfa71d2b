package dev.accessaudit.cli;

import java.util.Locale;

/** Kafka failed part-way through a file; says how far it got and that a retry is safe. */
final class PartialPublishException extends RuntimeException {
  PartialPublishException(int done, int total, String noun, Throwable cause) {
    super(message(done, total, noun, ErrorMessages.sentence(cause)), cause);
  }

  private static String message(int done, int total, String noun, String problem) {
    if (done == 0) {
      return "nothing was published: " + problem;
    }
    return String.format(
        Locale.ROOT,
        "published %d of %d %s, then: %s; publishing the file again is safe",
        done,
        total,
        noun,
        problem);
  }
}
