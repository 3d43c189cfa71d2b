package dev.accessaudit.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.registry.CompatibilityLevel;
import dev.accessaudit.registry.RegistryRecord;
import dev.accessaudit.registry.RegistryRecord.ConfigRecord;
import dev.accessaudit.registry.RegistryRecord.SchemaRecord;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConfluentRecordFormatTest {

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void shouldWriteSchemaRecordsAsConfluentDoes() {
    SchemaRecord record = new SchemaRecord("t-value", 2, 7, "\"string\"", false);

    assertThat(text(ConfluentRecordFormat.key(record)))
        .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"t-value\",\"version\":2,\"magic\":1}");
    assertThat(text(ConfluentRecordFormat.value(record)))
        .isEqualTo(
            "{\"subject\":\"t-value\",\"version\":2,\"id\":7,\"schema\":\"\\\"string\\\"\",\"deleted\":false}");
  }

  @Test
  void shouldWriteConfigRecordsAndTombstones() {
    assertThat(text(ConfluentRecordFormat.key(new ConfigRecord(null, CompatibilityLevel.FULL))))
        .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
    assertThat(text(ConfluentRecordFormat.value(new ConfigRecord(null, CompatibilityLevel.FULL))))
        .isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    assertThat(ConfluentRecordFormat.value(new ConfigRecord("s", null))).isNull();
  }

  @Test
  void shouldReadBackWhatItWroteAndIgnoreOtherKeyTypes() throws Exception {
    for (RegistryRecord record :
        new RegistryRecord[] {
          new SchemaRecord("s", 1, 1, "\"int\"", true),
          new ConfigRecord("s", CompatibilityLevel.NONE),
          new ConfigRecord("s", null),
          new ConfigRecord(null, CompatibilityLevel.FORWARD)
        }) {
      assertThat(
              ConfluentRecordFormat.read(
                  ConfluentRecordFormat.key(record), ConfluentRecordFormat.value(record)))
          .contains(record);
    }
    byte[] noop = "{\"keytype\":\"NOOP\",\"magic\":0}".getBytes(StandardCharsets.UTF_8);
    assertThat(ConfluentRecordFormat.read(noop, null)).isEmpty();
  }
}
