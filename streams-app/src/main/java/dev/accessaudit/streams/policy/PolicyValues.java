package dev.accessaudit.streams.policy;

import dev.accessaudit.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The values people write in policy files: durations such as {@code 1h}, {@code 30m}, {@code
 * 1h30m}, {@code 7d}, {@code 500ms} or ISO-8601 {@code PT1H}; times as a date ({@code 2009-01-01},
 * meaning its start in UTC) or an instant with offset ({@code 2009-01-01T00:00:00Z}).
 */
public final class PolicyValues {

  private PolicyValues() {}

  /** The duration {@code text} denotes, or empty when it is not one (same syntax as the config). */
  public static Optional<Duration> duration(String text) {
    return Durations.parse(text);
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
    return Durations.format(d);
  }
}
