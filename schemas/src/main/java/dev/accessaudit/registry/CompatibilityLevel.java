package dev.accessaudit.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * Confluent's compatibility levels, checked with Avro's {@link SchemaCompatibility}.
 *
 * <p>BACKWARD: the new schema can read data written with the previous one. FORWARD: the previous
 * schema can read data written with the new one. FULL: both. The transitive variants check every
 * live version instead of only the latest. NONE accepts anything.
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /**
   * Reads a level by name, ignoring case.
   *
   * @throws IllegalArgumentException naming the accepted levels when the name is not one
   */
  public static CompatibilityLevel parse(String name) {
    try {
      return valueOf(String.valueOf(name).trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + name + "' is not a compatibility level; use one of " + List.of(values()), e);
    }
  }

  /**
   * Why the candidate may not follow the existing versions; empty when it may.
   *
   * @param existing the subject's live versions, oldest first
   */
  public List<String> problems(Schema candidate, List<Schema> existing) {
    List<String> problems = new ArrayList<>();
    if (existing.isEmpty()) {
      return problems;
    }
    List<Schema> checked =
        transitive ? existing : existing.subList(existing.size() - 1, existing.size());
    for (Schema previous : checked) {
      if (backward) {
        problems.addAll(incompatibilities(candidate, previous));
      }
      if (forward) {
        problems.addAll(incompatibilities(previous, candidate));
      }
    }
    return problems;
  }

  private static List<String> incompatibilities(Schema reader, Schema writer) {
    SchemaCompatibility.SchemaPairCompatibility result =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return List.of();
    }
    return result.getResult().getIncompatibilities().stream()
        .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
        .toList();
  }
}
