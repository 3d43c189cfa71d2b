package dev.accessaudit.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * String settings gathered from the layers (defaults, file, environment, command line), each
 * remembering where it came from so an error can say which value to fix. Later puts win.
 */
final class RawSettings {
  /** A value and where it came from, e.g. "environment variable AUDIT_DEDUP_WINDOW". */
  record Value(String text, String origin) {}

  static final String DEFAULT_ORIGIN = "default";

  private final Map<String, Value> values = new LinkedHashMap<>();

  void put(String key, String text, String origin) {
    values.put(key, new Value(text, origin));
  }

  Optional<Value> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** The trimmed text of a setting, empty when unset or blank. */
  Optional<String> text(String key) {
    return get(key).map(v -> v.text().trim()).filter(t -> !t.isEmpty());
  }

  Map<String, Value> all() {
    return Collections.unmodifiableMap(values);
  }

  /** {@code key='value'}, followed by its origin unless it is the default. */
  String describe(String key) {
    Value v = values.get(key);
    if (v == null) {
      return key;
    }
    String origin = DEFAULT_ORIGIN.equals(v.origin()) ? "" : " (from " + v.origin() + ")";
    return key + "='" + v.text() + "'" + origin;
  }
}
