package dev.accessaudit.replay;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.validation.RecordValidator;

/**
 * Which access records the live pipeline judges, decided the same way: a value is present, the key
 * is the event's staffId, and {@link RecordValidator} finds nothing wrong. Everything else the
 * pipeline sends to the dead-letter topic; a replay skips and counts it. Mirrors {@code
 * ValidateAccessEvent.check}, which gives the same verdict with a reason for the dead-letter
 * header.
 */
final class AccessAdmission {

  private AccessAdmission() {}

  static boolean admits(String key, AccessEvent event) {
    return event != null
        && key != null
        && key.equals(event.getStaffId())
        && RecordValidator.problems(event).isEmpty();
  }
}
