package dev.accessaudit.producers.files;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads typed values out of one JSON object, recording a short phrase for each value of the wrong
 * type. A missing or null value gives null; the record validator then says whether that matters.
 */
final class JsonFields {

  private final JsonNode object;
  private final List<String> problems;

  JsonFields(JsonNode object, List<String> problems) {
    this.object = object;
    this.problems = problems;
  }

  /** Adds a problem for each field not in {@code known}, suggesting a known one when close. */
  void rejectUnknown(Set<String> known) {
    object
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                String hint =
                    known.stream()
                        .filter(k -> k.equalsIgnoreCase(name))
                        .map(k -> " (did you mean " + k + "?)")
                        .findFirst()
                        .orElse("");
                problems.add("unknown field '" + name + "'" + hint);
              }
            });
  }

  String text(String name) {
    JsonNode node = object.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      problems.add(name + " must be a string, not " + node);
      return null;
    }
    return node.textValue();
  }

  Instant instant(String name) {
    JsonNode node = object.get(name);
    if (node != null && node.isIntegralNumber()) {
      return Instant.ofEpochMilli(node.longValue());
    }
    String text = text(name);
    return text == null ? null : FieldValues.instant(name, text, problems);
  }

  <E extends Enum<E>> E symbol(Class<E> type, String name) {
    String text = text(name);
    return text == null ? null : FieldValues.symbol(type, name, text, problems);
  }

  boolean bool(String name) {
    JsonNode node = object.get(name);
    if (node == null || node.isNull()) {
      problems.add(name + " is missing");
      return false;
    }
    if (!node.isBoolean()) {
      problems.add(name + " must be true or false, not " + node);
      return false;
    }
    return node.booleanValue();
  }

  List<String> texts(String name) {
    JsonNode node = object.get(name);
    if (node == null || node.isNull()) {
      return new ArrayList<>();
    }
    List<String> values = new ArrayList<>();
    if (!node.isArray()) {
      problems.add(name + " must be a list of strings, not " + node);
      return values;
    }
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        problems.add(name + " must hold only strings, not " + item);
      } else {
        values.add(item.textValue());
      }
    }
    return values;
  }
}
