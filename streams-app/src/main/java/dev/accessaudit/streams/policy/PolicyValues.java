package dev.accessaudit.streams.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values people write in policy files: durations such as {@code 1h}, {@code 30m}, {@code
 * 1h30m}, {@code 7d}, {@code 500ms} or ISO-8601 {@code PT1H}; times as a date ({@code 2009-01-01},
 * meaning its start in UTC) or an instant with offset ({@code 2009-01-01T00:00:00Z}).
 */
public final class PolicyValues {

  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Pattern SHORT = Pattern.compile("(\\d+(ms|s|m|h|d))+");

  private PolicyValues() {}

  /** The duration {@code text} denotes, or empty when it is not one. */
  public static Optional<Duration> duration(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (value.startsWith("p")) {
      try {
        return Optional.of(Duration.parse(value.toUpperCase(Locale.ROOT)));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
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

  /** The instant {@code text} denotes, or empty when it is neither a date nor an instant. */
  public static Optional<Instant> instant(String text) {
    String value = text.trim();
    try {
      if (value.length() == 10) {
        return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
      }
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** A duration as people write it: {@code 1h}, {@code 90s}; the inverse of {@link #duration}. */
  public static String format(Duration d) {
    long ms = d.toMillis();
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (ms != 0 && ms % sizes[i] == 0) {
        return ms / sizes[i] + units[i];
      }
    }
    return ms + "ms";
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
