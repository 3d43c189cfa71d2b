package dev.accessaudit.streams.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Sets fields of an Avro record from a YAML mapping, converting each value by the field's schema:
 * strings, booleans, enum symbols, times (a date or an instant), nullable fields ({@code null}) and
 * lists of strings. Unknown fields and bad values go to {@link Problems}.
 */
final class RecordFields {

  private final Problems problems;

  RecordFields(Problems problems) {
    this.problems = problems;
  }

  /**
   * Sets every key of {@code given} on {@code record}.
   *
   * @param aliases other names people may use for a field (e.g. optOut for marketingOptOut)
   */
  void apply(YamlMap given, SpecificRecordBase record, Map<String, String> aliases, String what) {
    Schema schema = record.getSchema();
    for (String key : given.keys()) {
      Schema.Field field = schema.getField(aliases.getOrDefault(key, key));
      if (field == null) {
        List<String> known = schema.getFields().stream().map(Schema.Field::name).toList();
        problems.at(
            given.keyNode(key),
            "unknown field '" + key + "' in " + what + " (known: " + YamlMap.sorted(known) + ")");
        continue;
      }
      Node value = given.get(key).orElseThrow();
      convert(field.schema(), value, key, record.get(field.pos()))
          .ifPresent(v -> record.put(field.pos(), v.orElse(null)));
    }
  }

  /** Empty on a problem; otherwise the value, itself empty for null. */
  private Optional<Optional<Object>> convert(
      Schema schema, Node node, String field, Object current) {
    if (schema.getType() == Schema.Type.UNION) {
      if (isNull(node)) {
        return Optional.of(Optional.empty());
      }
      Schema nonNull =
          schema.getTypes().stream()
              .filter(s -> s.getType() != Schema.Type.NULL)
              .findFirst()
              .orElseThrow();
      return convert(nonNull, node, field, current);
    }
    if (schema.getType() == Schema.Type.ARRAY) {
      List<Object> items = new ArrayList<>();
      for (Node item : YamlMap.items(node, field, problems)) {
        scalar(item, field).ifPresent(items::add);
      }
      return Optional.of(Optional.of(items));
    }
    return scalar(node, field)
        .flatMap(text -> single(schema, node, field, text, current))
        .map(Optional::of);
  }

  private Optional<Object> single(
      Schema schema, Node node, String field, String text, Object current) {
    switch (schema.getType()) {
      case STRING:
        return Optional.of(text);
      case BOOLEAN:
        if (text.equals("true") || text.equals("false")) {
          return Optional.of(Boolean.valueOf(text));
        }
        return fail(node, field + " must be true or false, was '" + text + "'");
      case ENUM:
        if (schema.getEnumSymbols().contains(text) && current instanceof Enum<?> symbol) {
          return Arrays.stream(symbol.getDeclaringClass().getEnumConstants())
              .filter(e -> e.name().equals(text))
              .findFirst()
              .map(Object.class::cast);
        }
        return fail(
            node,
            "'"
                + text
                + "' is not a "
                + schema.getName()
                + " (known: "
                + String.join(", ", schema.getEnumSymbols())
                + ")");
      case LONG:
        if (schema.getLogicalType() instanceof LogicalTypes.TimestampMillis) {
          Optional<Instant> instant = PolicyValues.instant(text);
          return instant.isPresent()
              ? Optional.of(instant.get())
              : fail(
                  node,
                  field
                      + " '"
                      + text
                      + "' is neither a date nor an instant such as"
                      + " 2009-01-01T00:00:00Z");
        }
        return fail(node, field + " is not supported in test cases");
      default:
        return fail(node, field + " is not supported in test cases");
    }
  }

  private Optional<Object> fail(Node node, String message) {
    problems.at(node, message);
    return Optional.empty();
  }

  private Optional<String> scalar(Node node, String field) {
    if (node instanceof ScalarNode scalar) {
      return Optional.of(scalar.getValue().trim());
    }
    problems.at(node, field + " must be a single value");
    return Optional.empty();
  }

  static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar
        && (Tag.NULL.equals(scalar.getTag()) || scalar.getValue().equals("null"));
  }
}
