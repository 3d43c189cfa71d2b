package dev.accessaudit.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The versions of one subject, soft-deleted ones included. Not thread-safe. */
final class SubjectHistory {

  /** One version of the subject. */
  record Entry(int version, int id, boolean deleted) {}

  private final TreeMap<Integer, Entry> versions = new TreeMap<>();

  void put(Entry entry) {
    versions.put(entry.version(), entry);
  }

  List<Entry> live() {
    List<Entry> live = new ArrayList<>();
    for (Entry e : versions.values()) {
      if (!e.deleted()) {
        live.add(e);
      }
    }
    return live;
  }

  boolean hasLive() {
    return versions.values().stream().anyMatch(e -> !e.deleted());
  }

  Optional<Entry> live(int version) {
    return Optional.ofNullable(versions.get(version)).filter(e -> !e.deleted());
  }

  Optional<Entry> liveWithId(int id) {
    return live().stream().filter(e -> e.id() == id).findFirst();
  }

  int nextVersion() {
    return versions.isEmpty() ? 1 : versions.lastKey() + 1;
  }
}
