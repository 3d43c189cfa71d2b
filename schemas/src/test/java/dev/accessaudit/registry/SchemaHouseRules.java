package dev.accessaudit.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * The rules every contract schema keeps (CONTRACT.md section 3), as a list of broken ones: every
 * field has a doc, every enum a default symbol UNKNOWN or OTHER, and times are timestamp-millis.
 */
final class SchemaHouseRules {

  private static final Set<String> ENUM_DEFAULTS = Set.of("UNKNOWN", "OTHER");

  private SchemaHouseRules() {}

  static List<String> problems(Schema schema) {
    List<String> problems = new ArrayList<>();
    if (schema.getType() == Schema.Type.ENUM) {
      checkEnum(schema, problems);
    } else if (schema.getType() == Schema.Type.RECORD) {
      for (Schema.Field field : schema.getFields()) {
        checkField(schema, field, problems);
      }
    }
    return problems;
  }

  private static void checkEnum(Schema schema, List<String> problems) {
    String def = schema.getEnumDefault();
    if (def == null || !ENUM_DEFAULTS.contains(def)) {
      problems.add(
          "enum " + schema.getFullName() + " has default " + def + ", not UNKNOWN or OTHER");
    }
  }

  private static void checkField(Schema record, Schema.Field field, List<String> problems) {
    String where = record.getName() + "." + field.name();
    if (field.doc() == null || field.doc().isBlank()) {
      problems.add(where + " has no doc");
    }
    if (isTimeName(field.name()) && !isTimestampMillis(nonNull(field.schema()))) {
      problems.add(where + " is not a long with logicalType timestamp-millis");
    }
  }

  private static boolean isTimeName(String name) {
    return name.endsWith("At") || name.equals("effectiveFrom");
  }

  private static Schema nonNull(Schema schema) {
    if (schema.getType() != Schema.Type.UNION) {
      return schema;
    }
    return schema.getTypes().stream()
        .filter(s -> s.getType() != Schema.Type.NULL)
        .findFirst()
        .orElse(schema);
  }

  private static boolean isTimestampMillis(Schema schema) {
    return schema.getType() == Schema.Type.LONG
        && schema.getLogicalType() instanceof LogicalTypes.TimestampMillis;
  }
}
