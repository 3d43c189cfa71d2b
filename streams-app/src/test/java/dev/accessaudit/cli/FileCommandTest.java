package dev.accessaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * All or nothing: an invalid file is refused before any connection to Kafka is made (the broker
 * address here is unreachable, so a publish attempt would fail differently and later).
 */
class FileCommandTest {
  private static final Map<String, String> NOWHERE =
      Map.of("AUDIT_BOOTSTRAP_SERVERS", "localhost:1", "AUDIT_MAX_BLOCK_MS", "1000");
  private static final String GOOD_EVENT =
      "{\"eventId\":\"e-1\",\"occurredAt\":\"2026-03-01T10:15:30Z\",\"service\":\"crm\","
          + "\"staffId\":\"s-0042\",\"staffOffice\":\"GB\",\"visitorId\":\"v-000123\","
          + "\"category\":\"CONTACT_INFO\",\"action\":\"VIEW\",\"purpose\":\"CUSTOMER_CONTACT\","
          + "\"encryptedInTransit\":true,\"fields\":[\"email\"]}";

  @TempDir Path dir;

  @Test
  void shouldReportEveryBadLineWithItsNumberAndPublishNothing() throws IOException {
    Path file = write("events.jsonl", GOOD_EVENT, "{not json", GOOD_EVENT.replace("GB", "UK"));

    CliRun run = CliRun.run(NOWHERE, "publish", "--file", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    List<String> lines = run.err().lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith(file + ":2: ");
    assertThat(lines.get(1)).startsWith(file + ":3: ").contains("UK");
    assertThat(lines.get(2))
        .isEqualTo("audit: " + file + ": 2 invalid lines; nothing was published");
  }

  @Test
  void shouldRefuseAnAgreementsFileWithTheWrongHeader() throws IOException {
    Path file = write("staff.csv", "staffId,status", "s-1,ACTIVE");

    CliRun run = CliRun.run(NOWHERE, "agreements", "--file", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(file + ":1: ").contains("nothing was published");
  }

  @Test
  void shouldRefuseABadConsentsLine() throws IOException {
    Path file =
        write(
            "consents.csv",
            "visitorId,marketingOptOut,effectiveFrom,channel",
            "v-1,maybe,2026-02-01T12:00:00Z,");

    CliRun run = CliRun.run(NOWHERE, "consents", "--file", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith(file + ":2: ");
  }

  @Test
  void shouldSayWhenTheFileDoesNotExist() {
    CliRun run = CliRun.run(NOWHERE, "publish", "--file", dir.resolve("none.jsonl").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            dir.resolve("none.jsonl")
                + ": the file does not exist\naudit: "
                + dir.resolve("none.jsonl")
                + ": the file cannot be used; nothing was published\n");
  }

  @Test
  void shouldRequireTheFileOption() {
    CliRun run = CliRun.run("publish");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--file").hasLineCount(1);
  }

  @Test
  void shouldFailWithExitOneWhenKafkaCannotBeReachedForAValidFile() throws IOException {
    Path file = write("events.jsonl", GOOD_EVENT);

    CliRun run = CliRun.run(NOWHERE, "publish", "--file", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .startsWith(
            "audit: nothing was published: topic visitor-data-access was not found in time");
    assertThat(run.err()).hasLineCount(1);
  }

  private Path write(String name, String... lines) throws IOException {
    return Files.write(dir.resolve(name), List.of(lines));
  }
}
