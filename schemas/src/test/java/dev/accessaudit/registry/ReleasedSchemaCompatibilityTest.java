package dev.accessaudit.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards the released contracts: the current schemas in src/main/avro must read data written with
 * every released version kept under src/released/&lt;n&gt;/, and keep the house rules.
 */
class ReleasedSchemaCompatibilityTest {

  private static final Path CURRENT = Path.of("src/main/avro");
  private static final Path RELEASED = Path.of("src/released");

  private static Map<String, Schema> current;

  @BeforeAll
  static void parseCurrent() throws IOException {
    current = SchemaFiles.parseDirectory(CURRENT);
  }

  @Test
  void shouldKeepAtLeastOneRelease() throws IOException {
    assertThat(releases()).isNotEmpty();
    assertThat(current).containsKeys("dev.accessaudit.avro.AccessEvent");
  }

  @Test
  void shouldReadDataWrittenWithEveryReleasedVersion() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path release : releases()) {
      SchemaFiles.parseDirectory(release)
          .forEach((name, old) -> problems.addAll(backwardProblems(release, name, old)));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldKeepTheHouseRulesInEveryCurrentSchema() {
    List<String> problems = new ArrayList<>();
    current.values().forEach(s -> problems.addAll(SchemaHouseRules.problems(s)));
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldCatchANewRequiredFieldWithoutDefault() throws IOException {
    Schema released =
        SchemaFiles.parseDirectory(latestRelease()).get("dev.accessaudit.avro.AccessEvent");
    Schema changed =
        withField(released, "{\"name\":\"region\",\"type\":\"string\",\"doc\":\"Where.\"}");

    assertThat(CompatibilityLevel.BACKWARD.problems(changed, List.of(released)))
        .singleElement()
        .asString()
        .contains("READER_FIELD_MISSING_DEFAULT", "region");
  }

  @Test
  void shouldAcceptANewOptionalFieldWithDefault() throws IOException {
    Schema released =
        SchemaFiles.parseDirectory(latestRelease()).get("dev.accessaudit.avro.AccessEvent");
    Schema changed =
        withField(
            released,
            "{\"name\":\"region\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"Where.\"}");

    assertThat(CompatibilityLevel.BACKWARD.problems(changed, List.of(released))).isEmpty();
  }

  @Test
  void shouldCatchBrokenHouseRules() {
    Schema bad =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"Bad\",\"fields\":["
                    + "{\"name\":\"seenAt\",\"type\":\"long\"},"
                    + "{\"name\":\"kind\",\"doc\":\"k\",\"type\":{\"type\":\"enum\",\"name\":\"Kind\","
                    + "\"symbols\":[\"A\"]}}]}");

    assertThat(SchemaHouseRules.problems(bad))
        .containsExactly(
            "Bad.seenAt has no doc", "Bad.seenAt is not a long with logicalType timestamp-millis");
    assertThat(SchemaHouseRules.problems(bad.getField("kind").schema()))
        .containsExactly("enum Kind has default null, not UNKNOWN or OTHER");
  }

  private static List<String> backwardProblems(Path release, String name, Schema old) {
    Schema now = current.get(name);
    if (now == null) {
      return List.of(name + " of release " + release.getFileName() + " no longer exists");
    }
    return CompatibilityLevel.BACKWARD.problems(now, List.of(old)).stream()
        .map(p -> name + " cannot read release " + release.getFileName() + ": " + p)
        .toList();
  }

  private static Schema withField(Schema schema, String fieldJson) {
    String json = schema.toString();
    int end = json.lastIndexOf("]");
    return new Schema.Parser()
        .parse(json.substring(0, end) + "," + fieldJson + json.substring(end));
  }

  private static List<Path> releases() throws IOException {
    try (Stream<Path> dirs = Files.list(RELEASED)) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }

  private static Path latestRelease() throws IOException {
    List<Path> all = releases();
    return all.get(all.size() - 1);
  }
}
