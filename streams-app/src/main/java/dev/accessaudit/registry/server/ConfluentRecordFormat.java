package dev.accessaudit.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.accessaudit.registry.CompatibilityLevel;
import dev.accessaudit.registry.RegistryRecord;
import dev.accessaudit.registry.RegistryRecord.ConfigRecord;
import dev.accessaudit.registry.RegistryRecord.SchemaRecord;
import java.io.IOException;
import java.util.Optional;

/**
 * The JSON records of Confluent's {@code _schemas} topic. SCHEMA: key {@code
 * {"keytype":"SCHEMA","subject":s,"version":n,"magic":1}}, value {@code
 * {"subject","version","id","schema","deleted"}}. CONFIG: key {@code
 * {"keytype":"CONFIG","subject":s|null,"magic":0}}, value {@code {"compatibilityLevel":L}} or a
 * tombstone when a subject's own level is removed. Other key types are ignored when read.
 */
final class ConfluentRecordFormat {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ConfluentRecordFormat() {}

  static byte[] key(RegistryRecord record) {
    ObjectNode key = JSON.createObjectNode();
    if (record instanceof SchemaRecord s) {
      key.put("keytype", "SCHEMA").put("subject", s.subject()).put("version", s.version());
      key.put("magic", 1);
    } else if (record instanceof ConfigRecord c) {
      key.put("keytype", "CONFIG").put("subject", c.subject()).put("magic", 0);
    }
    return bytes(key);
  }

  static byte[] value(RegistryRecord record) {
    if (record instanceof SchemaRecord s) {
      ObjectNode value = JSON.createObjectNode();
      value.put("subject", s.subject()).put("version", s.version()).put("id", s.id());
      return bytes(value.put("schema", s.schema()).put("deleted", s.deleted()));
    }
    ConfigRecord c = (ConfigRecord) record;
    if (c.level() == null) {
      return null;
    }
    return bytes(JSON.createObjectNode().put("compatibilityLevel", c.level().name()));
  }

  /** The change a stored record stands for; empty for key types this registry does not use. */
  static Optional<RegistryRecord> read(byte[] keyBytes, byte[] valueBytes) throws IOException {
    if (keyBytes == null) {
      return Optional.empty();
    }
    JsonNode key = JSON.readTree(keyBytes);
    String keytype = key.path("keytype").asText();
    if (keytype.equals("SCHEMA") && valueBytes != null) {
      return Optional.of(schemaRecord(JSON.readTree(valueBytes)));
    }
    if (keytype.equals("CONFIG")) {
      return Optional.of(configRecord(key, valueBytes));
    }
    return Optional.empty();
  }

  private static RegistryRecord schemaRecord(JsonNode value) {
    return new SchemaRecord(
        value.path("subject").asText(),
        value.path("version").asInt(),
        value.path("id").asInt(),
        value.path("schema").asText(),
        value.path("deleted").asBoolean(false));
  }

  private static RegistryRecord configRecord(JsonNode key, byte[] valueBytes) throws IOException {
    JsonNode subject = key.get("subject");
    String name = subject == null || subject.isNull() ? null : subject.asText();
    if (valueBytes == null) {
      return new ConfigRecord(name, null);
    }
    String level = JSON.readTree(valueBytes).path("compatibilityLevel").asText("BACKWARD");
    return new ConfigRecord(name, CompatibilityLevel.parse(level));
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
