package dev.accessaudit.streams.judgement;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.validation.RecordValidator;
import java.util.List;
import java.util.Optional;

/**
 * Which access records are judged at all: a value is present, the key is the event's staffId, and
 * the record validator finds nothing wrong. The live topology dead-letters the others with the
 * reason given here; a replay skips and counts them. One place, so both agree.
 */
public final class Admission {

  private Admission() {}

  /** Why the record must not be judged, or empty when it may be. */
  public static Optional<String> rejection(String key, AccessEvent event) {
    if (event == null) {
      return Optional.of("the record has no value (a tombstone); access events are never deleted");
    }
    if (key == null) {
      return Optional.of(
          "the record has no key; access events must be keyed by their staffId ('"
              + event.getStaffId()
              + "')");
    }
    if (!key.equals(event.getStaffId())) {
      return Optional.of(
          "the record key '"
              + key
              + "' differs from the event's staffId '"
              + event.getStaffId()
              + "'; access events must be keyed by staffId");
    }
    List<String> problems = RecordValidator.problems(event);
    if (!problems.isEmpty()) {
      return Optional.of("the access event is invalid: " + String.join("; ", problems));
    }
    return Optional.empty();
  }
}
