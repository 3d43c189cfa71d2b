package dev.accessaudit.replay;

import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.avro.VisitorConsent;

/**
 * The agreement and consent state of every staff member and visitor at any time, rebuilt from the
 * complete histories of the two state topics.
 *
 * @param agreements agreements by staffId
 * @param consents consents by visitorId
 * @param skipped records of either topic that could not be decoded (the pipeline dead-letters them)
 */
record StateHistory(
    VersionedHistory<StaffAgreement> agreements,
    VersionedHistory<VisitorConsent> consents,
    long skipped) {

  static StateHistory empty() {
    return new StateHistory(new VersionedHistory<>(), new VersionedHistory<>(), 0);
  }

  StaffAgreement agreementAt(String staffId, long time) {
    return agreements.asOf(staffId, time);
  }

  VisitorConsent consentAt(String visitorId, long time) {
    return consents.asOf(visitorId, time);
  }
}
