package dev.accessaudit.producers.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.accessaudit.avro.AccessAction;
import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.DataCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessEventFileTest {

  private static final String GOOD =
      "{\"eventId\":\"e-1\",\"occurredAt\":\"2026-03-01T10:15:30Z\",\"service\":\"crm\","
          + "\"staffId\":\"s-0042\",\"staffOffice\":\"GB\",\"visitorId\":\"v-000123\","
          + "\"category\":\"CONTACT_INFO\",\"action\":\"VIEW\",\"purpose\":\"CUSTOMER_CONTACT\","
          + "\"encryptedInTransit\":true}";

  @TempDir Path dir;

  private Path file(String... lines) throws IOException {
    return Files.write(dir.resolve("events.jsonl"), List.of(lines));
  }

  private static List<LineError> errorsOf(Path file) {
    return catchThrowableOfType(InvalidFileException.class, () -> AccessEventFile.read(file))
        .errors();
  }

  @Test
  void shouldReadEventsWithDefaultsForOptionalFieldsAndSkipBlankLines() throws Exception {
    String second =
        GOOD.replace("e-1", "e-2")
            .replace("\"2026-03-01T10:15:30Z\"", "1772360130000")
            .replace("}", ",\"recipient\":\"acme\",\"fields\":[\"email\",\"phone\"]}");

    List<AccessEvent> events = AccessEventFile.read(file(GOOD, "", "   ", second));

    assertThat(events).hasSize(2);
    AccessEvent first = events.get(0);
    assertThat(first.getOccurredAt()).isEqualTo(Instant.parse("2026-03-01T10:15:30Z"));
    assertThat(first.getCategory()).isEqualTo(DataCategory.CONTACT_INFO);
    assertThat(first.getAction()).isEqualTo(AccessAction.VIEW);
    assertThat(first.getRecipient()).isNull();
    assertThat(first.getFields()).isEmpty();
    assertThat(events.get(1).getOccurredAt().toEpochMilli()).isEqualTo(1772360130000L);
    assertThat(events.get(1).getRecipient()).isEqualTo("acme");
    assertThat(events.get(1).getFields()).containsExactly("email", "phone");
  }

  @Test
  void shouldReportEveryBadLineWithItsNumber() throws Exception {
    Path f =
        file(
            GOOD,
            "{\"eventId\": \"e-2\",",
            GOOD.replace("CONTACT_INFO", "EMAIL"),
            GOOD.replace("\"GB\"", "\"UK\"").replace("\"crm\"", "\" \""));

    assertThat(errorsOf(f)).extracting(LineError::line).containsExactly(2, 3, 4, 4);
    assertThat(errorsOf(f).get(0).message()).startsWith("not valid JSON at column");
    assertThat(errorsOf(f).get(1).message())
        .isEqualTo(
            "category 'EMAIL' is not one of CONTACT_INFO, UNIQUE_IDENTIFIER, FINANCIAL,"
                + " IP_ADDRESS, COOKIE, LIVE_CHAT, TELEPHONE_RECORDING, UNKNOWN");
    assertThat(errorsOf(f).subList(2, 4))
        .extracting(LineError::message)
        .containsExactly(
            "service is blank",
            "staffOffice 'UK' is not an ISO 3166-1 alpha-2 code (did you mean GB?)");
  }

  @Test
  void shouldReportMissingFieldsWrongTypesAndUnknownFields() throws Exception {
    String line =
        "{\"eventId\":\"e-3\",\"occurredAt\":\"yesterday\",\"service\":\"crm\",\"staffID\":\"s-1\","
            + "\"staffOffice\":\"GB\",\"visitorId\":7,\"category\":\"COOKIE\",\"action\":\"VIEW\","
            + "\"purpose\":\"OTHER\"}";

    assertThat(errorsOf(file(line)))
        .extracting(LineError::message)
        .containsExactlyInAnyOrder(
            "unknown field 'staffID' (did you mean staffId?)",
            "occurredAt 'yesterday' is not a time: use an ISO-8601 instant like"
                + " 2026-03-01T10:15:30Z or epoch milliseconds",
            "visitorId must be a string, not 7",
            "encryptedInTransit is missing",
            "staffId is missing");
  }

  @Test
  void shouldRefuseLinesThatAreNotObjects() throws Exception {
    assertThat(errorsOf(file("[1,2]")))
        .containsExactly(new LineError(1, "expected a JSON object {...}, found array"));
  }

  @Test
  void shouldNameTheFileAndTheLinesInTheMessage() throws Exception {
    Path f = file(GOOD, "not json");

    InvalidFileException e =
        catchThrowableOfType(InvalidFileException.class, () -> AccessEventFile.read(f));

    assertThat(e.getMessage()).startsWith(f + " has 1 invalid line, nothing was read:");
    assertThat(e.getMessage()).contains("line 2: not valid JSON");
  }

  @Test
  void shouldReportAMissingFile() {
    assertThat(errorsOf(dir.resolve("absent.jsonl")))
        .containsExactly(new LineError(0, "the file does not exist"));
  }
}
