package dev.accessaudit.producers.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accessaudit.avro.VisitorConsent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentCsvFileTest {

  private static final String HEADER = "visitorId,marketingOptOut,effectiveFrom,channel";

  @TempDir Path dir;

  private Path file(String... lines) throws IOException {
    return Files.write(dir.resolve("consents.csv"), List.of(lines));
  }

  @Test
  void shouldReadConsents() throws Exception {
    List<VisitorConsent> consents =
        ConsentCsvFile.read(
            file(
                "\uFEFF" + HEADER,
                "v-000123,true,2026-03-01T10:15:30Z,unsubscribe@rackspace.co.uk",
                "v-000124,FALSE,2026-03-01T11:00:00+01:00,"));

    assertThat(consents)
        .extracting(VisitorConsent::getMarketingOptOut)
        .containsExactly(true, false);
    assertThat(consents.get(1).getEffectiveFrom().toString()).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(consents.get(1).getChannel()).isNull();
  }

  @Test
  void shouldReportEveryBadLine() throws Exception {
    Path f = file(HEADER, "v-1,yes,2026-03-01T10:15:30Z,", " ,true,0,web");

    List<LineError> errors =
        catchThrowableOfType(InvalidFileException.class, () -> ConsentCsvFile.read(f)).errors();

    assertThat(errors)
        .containsExactly(
            new LineError(2, "marketingOptOut 'yes' is not true or false"),
            new LineError(3, "visitorId is missing"),
            new LineError(
                3, "effectiveFrom 1970-01-01T00:00:00Z is not after 1970-01-01T00:00:00Z"));
  }
}
