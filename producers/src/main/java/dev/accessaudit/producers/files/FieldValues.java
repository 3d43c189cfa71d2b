package dev.accessaudit.producers.files;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Turns the text of one cell or JSON value into a field value, or records why it cannot. */
final class FieldValues {

  private FieldValues() {}

  /** An ISO-8601 instant ("2026-03-01T10:15:30Z", or with an offset) or epoch milliseconds. */
  static Instant instant(String name, String text, List<String> problems) {
    String value = text.strip();
    try {
      if (value.matches("-?\\d+")) {
        return Instant.ofEpochMilli(Long.parseLong(value));
      }
      return value.endsWith("Z") || value.endsWith("z")
          ? Instant.parse(value.toUpperCase(Locale.ROOT))
          : OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException | NumberFormatException e) {
      problems.add(
          name
              + " '"
              + text
              + "' is not a time: use an ISO-8601 instant like 2026-03-01T10:15:30Z or epoch"
              + " milliseconds");
      return null;
    }
  }

  /** The enum symbol named exactly {@code text}. */
  static <E extends Enum<E>> E symbol(
      Class<E> type, String name, String text, List<String> problems) {
    try {
      return Enum.valueOf(type, text.strip());
    } catch (IllegalArgumentException e) {
      String allowed =
          Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
      problems.add(name + " '" + text + "' is not one of " + allowed);
      return null;
    }
  }

  /** {@code true} or {@code false}, in any case. */
  static Boolean bool(String name, String text, List<String> problems) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (value.equals("true") || value.equals("false")) {
      return Boolean.valueOf(value);
    }
    problems.add(name + " '" + text + "' is not true or false");
    return null;
  }
}
