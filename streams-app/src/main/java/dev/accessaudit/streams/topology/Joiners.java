package dev.accessaudit.streams.topology;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.EnrichedAccess;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.avro.VisitorConsent;

/** The joiners of the topology: each adds one piece of "as of occurredAt" state to an access. */
final class Joiners {

  private Joiners() {}

  /** Access + the agreement version in force at its time; null agreement = none on record. */
  static EnrichedAccess withAgreement(AccessEvent event, StaffAgreement agreement) {
    return EnrichedAccess.newBuilder()
        .setEvent(event)
        .setAgreement(agreement)
        .setConsentLookedUp(false)
        .setConsent(null)
        .build();
  }

  /** Adds the visitor's consent in force at the access time; null consent = none on record. */
  static EnrichedAccess withConsent(EnrichedAccess access, VisitorConsent consent) {
    return EnrichedAccess.newBuilder(access).setConsentLookedUp(true).setConsent(consent).build();
  }
}
