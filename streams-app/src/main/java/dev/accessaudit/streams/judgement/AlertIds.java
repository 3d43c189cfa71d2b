package dev.accessaudit.streams.judgement;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic alert ids: a name-based UUID of the event id and rule id, so the live pipeline, a
 * replay and a retried event all name the same alert the same way.
 */
public final class AlertIds {

  private AlertIds() {}

  public static String of(String eventId, String ruleId) {
    byte[] name = (eventId + '\u0000' + ruleId).getBytes(StandardCharsets.UTF_8);
    return UUID.nameUUIDFromBytes(name).toString();
  }
}
