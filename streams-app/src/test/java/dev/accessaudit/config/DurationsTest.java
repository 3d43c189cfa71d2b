package dev.accessaudit.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {
  @ParameterizedTest
  @CsvSource({
    "7d, PT168H",
    "10s, PT10S",
    "500ms, PT0.5S",
    "1h, PT1H",
    "1h30m, PT1H30M",
    "PT10S, PT10S",
    "pt10s, PT10S",
    "P7D, PT168H",
    "' 12h ', PT12H",
    "0s, PT0S"
  })
  void shouldParseShortAndIsoDurations(String text, String expected) {
    assertThat(Durations.parse(text)).contains(Duration.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "7", "7 days", "d", "7w", "1.5h", "P", "PTx", "-5s", "99999999999999999999d"})
  void shouldRejectTextThatIsNotADuration(String text) {
    assertThat(Durations.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"PT168H, 7d", "PT12H, 12h", "PT30M, 30m", "PT10S, 10s", "PT0.5S, 500ms", "PT0S, 0s"})
  void shouldFormatInTheLargestWholeUnit(String duration, String expected) {
    assertThat(Durations.format(Duration.parse(duration))).isEqualTo(expected);
  }
}
