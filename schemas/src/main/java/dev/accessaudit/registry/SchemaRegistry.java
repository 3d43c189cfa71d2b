package dev.accessaudit.registry;

import dev.accessaudit.registry.RegistryRecord.ConfigRecord;
import dev.accessaudit.registry.RegistryRecord.SchemaRecord;
import dev.accessaudit.registry.SubjectHistory.Entry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * An in-memory schema registry with Confluent's semantics; thread-safe.
 *
 * <ul>
 *   <li>Ids are global: the same schema (by its canonical JSON) has the same id in every subject.
 *   <li>Versions count per subject from 1; registering a schema the subject already has returns its
 *       existing id and creates no version.
 *   <li>Each subject is checked at its own compatibility level, else the global one (BACKWARD by
 *       default); an incompatible schema is refused with 409.
 *   <li>Deleting a subject is a soft delete: its versions disappear from reads, numbering goes on.
 * </ul>
 *
 * <p>Every change goes to the {@link RegistryJournal} first and takes effect only once stored;
 * {@link #replay(RegistryRecord)} rebuilds the state from stored changes at start-up.
 */
public final class SchemaRegistry {

  private final RegistryJournal journal;
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsBySchema = new HashMap<>();
  private final Map<String, SubjectHistory> subjects = new TreeMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
  private int nextId = 1;

  /** A registry that keeps nothing beyond memory. */
  public SchemaRegistry() {
    this(RegistryJournal.NONE);
  }

  /** A registry that writes each change to the journal before making it. */
  public SchemaRegistry(RegistryJournal journal) {
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  /** Parses a schema, turning a parse failure into 42201. */
  public static Schema parse(String schema) {
    if (schema == null || schema.isBlank()) {
      throw SchemaRegistryException.invalidSchema("the schema is empty");
    }
    try {
      return new Schema.Parser().parse(schema);
    } catch (SchemaParseException e) {
      throw SchemaRegistryException.invalidSchema(String.valueOf(e.getMessage()));
    }
  }

  /** Registers the schema under the subject (idempotent) and returns the version it is. */
  public synchronized SchemaVersion register(String subject, Schema schema) {
    SubjectHistory history = subjects.getOrDefault(subject, new SubjectHistory());
    Integer knownId = idsBySchema.get(schema.toString());
    if (knownId != null) {
      Optional<Entry> existing = history.liveWithId(knownId);
      if (existing.isPresent()) {
        return toVersion(subject, existing.get());
      }
    }
    CompatibilityLevel level = compatibility(subject);
    List<String> problems = level.problems(schema, liveSchemas(history));
    if (!problems.isEmpty()) {
      throw SchemaRegistryException.incompatible(subject, level, problems);
    }
    int id = knownId != null ? knownId : nextId;
    SchemaRecord record =
        new SchemaRecord(subject, history.nextVersion(), id, schema.toString(), false);
    journal.append(record);
    apply(record);
    return new SchemaVersion(subject, record.version(), id, schemasById.get(id));
  }

  /** The version of the subject that is this schema: 40401 or 40403 when there is none. */
  public synchronized SchemaVersion lookup(String subject, Schema schema) {
    SubjectHistory history = liveHistory(subject);
    Integer id = idsBySchema.get(schema.toString());
    Entry entry =
        Optional.ofNullable(id)
            .flatMap(history::liveWithId)
            .orElseThrow(() -> SchemaRegistryException.schemaNotFound(subject));
    return toVersion(subject, entry);
  }

  /** The schema with that id: 40403 when there is none. */
  public synchronized Schema schemaById(int id) {
    Schema schema = schemasById.get(id);
    if (schema == null) {
      throw SchemaRegistryException.schemaNotFound(id);
    }
    return schema;
  }

  /** The subject versions that use the schema with that id: 40403 when there is none. */
  public synchronized List<SchemaVersion> versionsOfId(int id) {
    schemaById(id);
    List<SchemaVersion> result = new ArrayList<>();
    subjects.forEach(
        (subject, history) ->
            history.liveWithId(id).ifPresent(e -> result.add(toVersion(subject, e))));
    return result;
  }

  /** Subjects with at least one live version, sorted. */
  public synchronized List<String> subjects() {
    return subjects.entrySet().stream()
        .filter(e -> e.getValue().hasLive())
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Live version numbers of the subject, ascending: 40401 when there are none. */
  public synchronized List<Integer> versions(String subject) {
    return liveHistory(subject).live().stream().map(Entry::version).toList();
  }

  /** One live version: 40401 for an unknown subject, 40402 for an unknown version. */
  public synchronized SchemaVersion version(String subject, int version) {
    Entry entry =
        liveHistory(subject)
            .live(version)
            .orElseThrow(() -> SchemaRegistryException.versionNotFound(subject, version));
    return toVersion(subject, entry);
  }

  /** The newest live version: 40401 when there is none. */
  public synchronized SchemaVersion latest(String subject) {
    List<Entry> live = liveHistory(subject).live();
    return toVersion(subject, live.get(live.size() - 1));
  }

  /**
   * Why the schema may not be registered under the subject; empty when it may (also when the
   * subject has no versions).
   *
   * @param version the version to check against, or null for the latest (all live versions at a
   *     transitive level)
   */
  public synchronized List<String> compatibilityProblems(
      String subject, Schema schema, Integer version) {
    if (version == null) {
      SubjectHistory history = subjects.getOrDefault(subject, new SubjectHistory());
      return compatibility(subject).problems(schema, liveSchemas(history));
    }
    Schema existing = version(subject, version).schema();
    return compatibility(subject).problems(schema, List.of(existing));
  }

  /** Soft-deletes every live version of the subject and returns their numbers: 40401 if none. */
  public synchronized List<Integer> deleteSubject(String subject) {
    List<Integer> deleted = new ArrayList<>();
    for (Entry e : liveHistory(subject).live()) {
      String schema = schemasById.get(e.id()).toString();
      SchemaRecord record = new SchemaRecord(subject, e.version(), e.id(), schema, true);
      journal.append(record);
      apply(record);
      deleted.add(e.version());
    }
    return deleted;
  }

  /** The level the subject is checked at: its own, else the global one. */
  public synchronized CompatibilityLevel compatibility(String subject) {
    return subjectLevels.getOrDefault(subject, globalLevel);
  }

  /** The subject's own level, if it has one. */
  public synchronized Optional<CompatibilityLevel> subjectCompatibility(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  /** The global level (BACKWARD unless changed). */
  public synchronized CompatibilityLevel globalCompatibility() {
    return globalLevel;
  }

  /** Sets the level of a subject, or the global one when subject is null. */
  public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
    ConfigRecord record = new ConfigRecord(subject, Objects.requireNonNull(level, "level"));
    journal.append(record);
    apply(record);
  }

  /** Removes the subject's own level, so the global one applies again. */
  public synchronized void deleteCompatibility(String subject) {
    ConfigRecord record = new ConfigRecord(Objects.requireNonNull(subject, "subject"), null);
    journal.append(record);
    apply(record);
  }

  /** Applies a stored change without journaling it again: for start-up. */
  public synchronized void replay(RegistryRecord record) {
    apply(record);
  }

  private void apply(RegistryRecord record) {
    if (record instanceof SchemaRecord s) {
      applySchema(s);
    } else if (record instanceof ConfigRecord c) {
      applyConfig(c);
    }
  }

  private void applySchema(SchemaRecord record) {
    Schema schema = schemasById.computeIfAbsent(record.id(), id -> parse(record.schema()));
    idsBySchema.putIfAbsent(schema.toString(), record.id());
    nextId = Math.max(nextId, record.id() + 1);
    subjects
        .computeIfAbsent(record.subject(), s -> new SubjectHistory())
        .put(new Entry(record.version(), record.id(), record.deleted()));
  }

  private void applyConfig(ConfigRecord record) {
    if (record.subject() == null) {
      globalLevel = record.level() == null ? CompatibilityLevel.BACKWARD : record.level();
    } else if (record.level() == null) {
      subjectLevels.remove(record.subject());
    } else {
      subjectLevels.put(record.subject(), record.level());
    }
  }

  private SubjectHistory liveHistory(String subject) {
    SubjectHistory history = subjects.get(subject);
    if (history == null || !history.hasLive()) {
      throw SchemaRegistryException.subjectNotFound(subject);
    }
    return history;
  }

  private List<Schema> liveSchemas(SubjectHistory history) {
    return history.live().stream().map(e -> schemasById.get(e.id())).toList();
  }

  private SchemaVersion toVersion(String subject, Entry entry) {
    return new SchemaVersion(subject, entry.version(), entry.id(), schemasById.get(entry.id()));
  }
}
