package dev.accessaudit.streams.topology;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.EnrichedAccess;

/** The start of an access's way through the joins. */
final class Joiners {

  private Joiners() {}

  /** An access with no state looked up yet; {@link StateKind} adds each piece. */
  static EnrichedAccess unjoined(AccessEvent event) {
    return EnrichedAccess.newBuilder()
        .setEvent(event)
        .setAgreement(null)
        .setConsentLookedUp(false)
        .setConsent(null)
        .setCorrection(null)
        .build();
  }
}
