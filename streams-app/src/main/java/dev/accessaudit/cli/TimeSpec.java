package dev.accessaudit.cli;

import dev.accessaudit.config.Durations;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a point in time the way people write it: an ISO instant ({@code 2026-01-31T09:00:00Z}), a
 * date-time with offset, a local date-time or a date (both taken as UTC), or a duration back from
 * now ({@code 1h}, {@code 7d}).
 */
final class TimeSpec {
  private TimeSpec() {}

  static Instant parse(String option, String text, Clock clock) {
    String value = text.trim();
    return Durations.parse(value)
        .map(d -> clock.instant().minus(d))
        .or(() -> absolute(value))
        .orElseThrow(
            () ->
                new BadInputException(
                    option
                        + " '"
                        + text
                        + "' is not a time; use an instant like"
                        + " 2026-01-31T09:00:00Z, a date like 2026-01-31, or a time back from now"
                        + " like 1h or 7d"));
  }

  private static Optional<Instant> absolute(String value) {
    try {
      return Optional.of(Instant.parse(value));
    } catch (DateTimeParseException notInstant) {
      // try the next form
    }
    try {
      return Optional.of(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException notOffset) {
      // try the next form
    }
    try {
      return Optional.of(LocalDateTime.parse(value).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException notLocal) {
      // try the next form
    }
    try {
      return Optional.of(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException notDate) {
      return Optional.empty();
    }
  }
}
