package dev.accessaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeSpecTest {
  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  @ParameterizedTest
  @CsvSource({
    "2026-01-31T09:00:00Z, 2026-01-31T09:00:00Z",
    "2026-01-31T10:00:00+01:00, 2026-01-31T09:00:00Z",
    "2026-01-31T09:00, 2026-01-31T09:00:00Z",
    "2026-01-31, 2026-01-31T00:00:00Z",
    "1h, 2026-03-01T11:00:00Z",
    "7d, 2026-02-22T12:00:00Z",
    "PT30M, 2026-03-01T11:30:00Z"
  })
  void shouldReadInstantsDatesAndTimesBackFromNow(String text, String expected) {
    assertThat(TimeSpec.parse("--from", text, NOW)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2026-13-01", "1 hour", ""})
  void shouldRefuseWhatIsNotATime(String text) {
    assertThatThrownBy(() -> TimeSpec.parse("--from", text, NOW))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("--from '" + text + "' is not a time;");
  }
}
