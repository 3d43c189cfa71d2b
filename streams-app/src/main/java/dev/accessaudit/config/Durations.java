package dev.accessaudit.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the durations people write: {@code 7d}, {@code 10s}, {@code 500ms}, {@code 1h30m}, or
 * ISO-8601 such as {@code PT10S} and {@code P7D}. Units: ms, s, m, h, d.
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Pattern SHORT = Pattern.compile("(\\d+(ms|s|m|h|d))+");

  private Durations() {}

  /** The duration {@code text} denotes, or empty when it is not one. */
  public static Optional<Duration> parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (value.startsWith("p")) {
      return parseIso(value);
    }
    if (!SHORT.matcher(value).matches()) {
      return Optional.empty();
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(value);
    try {
      while (part.find()) {
        total = total.plus(unit(part.group(2)).multipliedBy(Long.parseLong(part.group(1))));
      }
    } catch (ArithmeticException | NumberFormatException tooLarge) {
      return Optional.empty();
    }
    return Optional.of(total);
  }

  /** A short way to write {@code d}, the inverse of {@link #parse} for whole units. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    if (ms != 0 && ms % 86_400_000L == 0) {
      return ms / 86_400_000L + "d";
    } else if (ms != 0 && ms % 3_600_000L == 0) {
      return ms / 3_600_000L + "h";
    } else if (ms != 0 && ms % 60_000L == 0) {
      return ms / 60_000L + "m";
    } else if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }

  private static Optional<Duration> parseIso(String value) {
    try {
      return Optional.of(Duration.parse(value.toUpperCase(Locale.ROOT)));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Duration unit(String unit) {
    return switch (unit) {
      case "ms" -> Duration.ofMillis(1);
      case "s" -> Duration.ofSeconds(1);
      case "m" -> Duration.ofMinutes(1);
      case "h" -> Duration.ofHours(1);
      default -> Duration.ofDays(1);
    };
  }
}
