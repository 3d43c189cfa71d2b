package dev.accessaudit.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * A record's fields as plain values in schema order: times as ISO-8601 instants, enums as their
 * names, maps sorted by key. The JSON and CSV outputs are built from it, so they name fields as the
 * contract does.
 */
final class AlertFields {

  static final ObjectMapper JSON = new ObjectMapper();

  private AlertFields() {}

  static Map<String, Object> of(SpecificRecord record) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (Schema.Field f : record.getSchema().getFields()) {
      fields.put(f.name(), plain(record.get(f.pos())));
    }
    return fields;
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  static Object plain(Object value) {
    if (value instanceof Instant || value instanceof CharSequence || value instanceof Enum<?>) {
      return value.toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new TreeMap<>();
      map.forEach((k, v) -> copy.put(k.toString(), plain(v)));
      return copy;
    }
    if (value instanceof Iterable<?> list) {
      var copy = new java.util.ArrayList<Object>();
      list.forEach(v -> copy.add(plain(v)));
      return copy;
    }
    return value;
  }
}
