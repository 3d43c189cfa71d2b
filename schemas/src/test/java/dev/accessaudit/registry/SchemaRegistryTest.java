package dev.accessaudit.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessaudit.registry.RegistryRecord.ConfigRecord;
import dev.accessaudit.registry.RegistryRecord.SchemaRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class SchemaRegistryTest {

  private final List<RegistryRecord> journal = new ArrayList<>();
  private final SchemaRegistry registry = new SchemaRegistry(journal::add);

  static Schema v1() {
    return SchemaBuilder.record("Thing").namespace("t").fields().requiredString("a").endRecord();
  }

  static Schema v2WithDefault() {
    return SchemaBuilder.record("Thing")
        .namespace("t")
        .fields()
        .requiredString("a")
        .name("b")
        .type()
        .stringType()
        .stringDefault("x")
        .endRecord();
  }

  static Schema v2WithoutDefault() {
    return SchemaBuilder.record("Thing")
        .namespace("t")
        .fields()
        .requiredString("a")
        .requiredString("b")
        .endRecord();
  }

  @Test
  void shouldGiveTheSameIdToTheSameSchemaInEverySubject() {
    SchemaVersion first = registry.register("one-value", v1());
    SchemaVersion second = registry.register("two-value", v1());

    assertThat(first.id()).isEqualTo(1).isEqualTo(second.id());
    assertThat(second.version()).isEqualTo(1);
  }

  @Test
  void shouldReturnExistingVersionWhenRegisteringAgain() {
    registry.register("s", v1());
    SchemaVersion again = registry.register("s", v1());

    assertThat(again.version()).isEqualTo(1);
    assertThat(registry.versions("s")).containsExactly(1);
    assertThat(journal).hasSize(1);
  }

  @Test
  void shouldNumberVersionsPerSubjectAndIdsGlobally() {
    registry.register("s", v1());
    registry.register("other", SchemaBuilder.builder().stringType());
    SchemaVersion v2 = registry.register("s", v2WithDefault());

    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.id()).isEqualTo(3);
    assertThat(registry.latest("s")).isEqualTo(v2);
    assertThat(registry.subjects()).containsExactly("other", "s");
  }

  @Test
  void shouldRefuseBackwardIncompatibleSchemaWith409() {
    registry.register("s", v1());

    assertThatThrownBy(() -> registry.register("s", v2WithoutDefault()))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(409))
        .hasMessageContaining("READER_FIELD_MISSING_DEFAULT");
    assertThat(registry.versions("s")).containsExactly(1);
  }

  @Test
  void shouldAcceptIncompatibleSchemaWhenSubjectLevelIsNone() {
    registry.register("s", v1());
    registry.setCompatibility("s", CompatibilityLevel.NONE);

    assertThat(registry.register("s", v2WithoutDefault()).version()).isEqualTo(2);
    assertThat(registry.compatibility("other")).isEqualTo(CompatibilityLevel.BACKWARD);
  }

  @Test
  void shouldCheckEveryVersionWhenTransitive() {
    registry.setCompatibility("s", CompatibilityLevel.NONE);
    registry.register("s", v1());
    registry.register("s", v2WithoutDefault());
    Schema onlyB =
        SchemaBuilder.record("Thing").namespace("t").fields().requiredString("b").endRecord();

    registry.setCompatibility("s", CompatibilityLevel.BACKWARD);
    assertThat(registry.compatibilityProblems("s", onlyB, null)).isEmpty();
    registry.setCompatibility("s", CompatibilityLevel.BACKWARD_TRANSITIVE);
    assertThat(registry.compatibilityProblems("s", onlyB, null)).isNotEmpty();
  }

  @Test
  void shouldReportUnknownSubjectVersionAndId() {
    registry.register("s", v1());

    assertThatThrownBy(() -> registry.latest("nope")).is(code(40401));
    assertThatThrownBy(() -> registry.version("s", 7)).is(code(40402));
    assertThatThrownBy(() -> registry.schemaById(99)).is(code(40403));
    assertThatThrownBy(() -> registry.lookup("s", v2WithDefault())).is(code(40403));
    assertThatThrownBy(() -> registry.lookup("nope", v1())).is(code(40401));
  }

  @Test
  void shouldHideSoftDeletedSubjectButKeepNumbering() {
    registry.register("s", v1());

    assertThat(registry.deleteSubject("s")).containsExactly(1);
    assertThat(registry.subjects()).isEmpty();
    assertThat(registry.schemaById(1)).isEqualTo(v1());
    assertThat(registry.register("s", v1()).version()).isEqualTo(2);
  }

  @Test
  void shouldRebuildTheSameStateFromItsJournal() {
    registry.register("s", v1());
    registry.register("s", v2WithDefault());
    registry.register("t", v1());
    registry.setCompatibility(null, CompatibilityLevel.FULL);
    registry.setCompatibility("t", CompatibilityLevel.NONE);

    SchemaRegistry rebuilt = new SchemaRegistry();
    journal.forEach(rebuilt::replay);

    assertThat(rebuilt.latest("s")).isEqualTo(registry.latest("s"));
    assertThat(rebuilt.version("t", 1).id()).isEqualTo(1);
    assertThat(rebuilt.globalCompatibility()).isEqualTo(CompatibilityLevel.FULL);
    assertThat(rebuilt.compatibility("t")).isEqualTo(CompatibilityLevel.NONE);
    assertThat(rebuilt.register("u", SchemaBuilder.builder().intType()).id()).isEqualTo(3);
  }

  @Test
  void shouldNotChangeAnythingWhenTheJournalFails() {
    SchemaRegistry failing =
        new SchemaRegistry(
            record -> {
              throw new SchemaRegistryException(50001, "Store down.");
            });

    assertThatThrownBy(() -> failing.register("s", v1())).is(code(50001));
    assertThatThrownBy(() -> failing.latest("s")).is(code(40401));
  }

  @Test
  void shouldJournalConfluentShapedRecords() {
    registry.register("s", v1());
    registry.deleteCompatibility("s");

    assertThat(journal)
        .containsExactly(
            new SchemaRecord("s", 1, 1, v1().toString(), false), new ConfigRecord("s", null));
  }

  @Test
  void shouldRefuseUnparsableSchemaWith42201() {
    assertThatThrownBy(() -> SchemaRegistry.parse("{\"type\":\"recrod\"}")).is(code(42201));
  }

  static org.assertj.core.api.Condition<Throwable> code(int errorCode) {
    return new org.assertj.core.api.Condition<>(
        t -> t instanceof SchemaRegistryException e && e.errorCode() == errorCode,
        "SchemaRegistryException with code " + errorCode);
  }
}
