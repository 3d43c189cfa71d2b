package dev.accessaudit.streams.rules;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.avro.VisitorConsent;
import java.util.Objects;

/**
 * One access with the state it is judged against: the staff member's agreement and the visitor's
 * consent as they stood at the access's {@code occurredAt}, whatever order the records arrived in.
 *
 * @param event the access
 * @param agreement the agreement version in force at {@code occurredAt}; null when none was on
 *     record (never any, or a tombstone)
 * @param consent the visitor's consent in force at {@code occurredAt}; null when none was on record
 *     or the access needed no consent look-up
 */
public record AccessContext(AccessEvent event, StaffAgreement agreement, VisitorConsent consent) {

  public AccessContext {
    Objects.requireNonNull(event, "event");
  }

  public static AccessContext of(AccessEvent event, StaffAgreement agreement) {
    return new AccessContext(event, agreement, null);
  }

  /** The agreement status in force, or null when no agreement is on record. */
  public AgreementStatus agreementStatus() {
    return agreement == null ? null : agreement.getStatus();
  }

  /** True when the agreement in force has the given status. */
  public boolean agreementIs(AgreementStatus status) {
    return agreement != null && agreement.getStatus() == status;
  }

  public long occurredAt() {
    return event.getOccurredAt().toEpochMilli();
  }

  /** True when the visitor had opted out of marketing at {@code occurredAt}. */
  public boolean visitorOptedOut() {
    return consent != null && consent.getMarketingOptOut();
  }
}
