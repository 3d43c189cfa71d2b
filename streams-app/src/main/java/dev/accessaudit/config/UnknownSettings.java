package dev.accessaudit.config;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/** Rejects {@code audit.*} keys the application does not know, suggesting the nearest known one. */
final class UnknownSettings {
  private UnknownSettings() {}

  static void reject(RawSettings raw) {
    raw.all().keySet().stream()
        .filter(k -> k.startsWith("audit.") && AuditSetting.forKey(k).isEmpty())
        .findFirst()
        .ifPresent(
            key -> {
              String hint =
                  nearest(key)
                      .map(s -> "did you mean " + s.key() + "?")
                      .orElse("run ./audit --help to see the audit.* settings");
              throw new InvalidConfigException(
                  "unknown setting "
                      + key
                      + " (from "
                      + raw.get(key).orElseThrow().origin()
                      + "); "
                      + hint);
            });
  }

  private static Optional<AuditSetting> nearest(String key) {
    return Arrays.stream(AuditSetting.values())
        .min(Comparator.comparingInt(s -> distance(s.key(), key)))
        .filter(s -> distance(s.key(), key) <= 4);
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int[] current = new int[b.length() + 1];
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      previous = current;
    }
    return previous[b.length()];
  }
}
