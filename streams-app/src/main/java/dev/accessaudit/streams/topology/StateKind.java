package dev.accessaudit.streams.topology;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.CorrectedState;
import dev.accessaudit.avro.EnrichedAccess;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.avro.VisitorConsent;
import java.time.Instant;

/**
 * One kind of state an access is judged against: the staff member's agreement (keyed by staffId) or
 * the visitor's consent (keyed by visitorId). Tells the state processors where the state sits in an
 * access and how to describe a record of it to a person.
 *
 * @param <V> the state record's value type
 */
sealed interface StateKind<V> permits StateKind.Agreements, StateKind.Consents {

  Agreements AGREEMENTS = new Agreements();
  Consents CONSENTS = new Consents();

  /** The key the state is looked up by for this access. */
  String keyOf(AccessEvent event);

  /** The id a state value names, which must equal its record key. */
  String idOf(V value);

  /** From when the value takes effect. */
  Instant effectiveFrom(V value);

  /** The state the access was judged with (null: none on record). */
  V current(EnrichedAccess access);

  /** The access judged with {@code state} instead. */
  EnrichedAccess with(EnrichedAccess access, V state);

  CorrectedState corrected();

  /** "agreement" or "consent", for sentences. */
  String noun();

  /** The agreement of the staff member, as of the access time. */
  final class Agreements implements StateKind<StaffAgreement> {
    @Override
    public String keyOf(AccessEvent event) {
      return event.getStaffId();
    }

    @Override
    public String idOf(StaffAgreement value) {
      return value.getStaffId();
    }

    @Override
    public Instant effectiveFrom(StaffAgreement value) {
      return value.getEffectiveFrom();
    }

    @Override
    public StaffAgreement current(EnrichedAccess access) {
      return access.getAgreement();
    }

    /** A shallow copy: Avro's copying builder would deep-copy the whole event for every access. */
    @Override
    public EnrichedAccess with(EnrichedAccess access, StaffAgreement state) {
      return new EnrichedAccess(
          access.getEvent(),
          state,
          access.getConsentLookedUp(),
          access.getConsent(),
          access.getCorrection());
    }

    @Override
    public CorrectedState corrected() {
      return CorrectedState.AGREEMENT;
    }

    @Override
    public String noun() {
      return "agreement";
    }
  }

  /** The marketing consent of the visitor, as of the access time. */
  final class Consents implements StateKind<VisitorConsent> {
    @Override
    public String keyOf(AccessEvent event) {
      return event.getVisitorId();
    }

    @Override
    public String idOf(VisitorConsent value) {
      return value.getVisitorId();
    }

    @Override
    public Instant effectiveFrom(VisitorConsent value) {
      return value.getEffectiveFrom();
    }

    @Override
    public VisitorConsent current(EnrichedAccess access) {
      return access.getConsent();
    }

    @Override
    public EnrichedAccess with(EnrichedAccess access, VisitorConsent state) {
      return new EnrichedAccess(
          access.getEvent(), access.getAgreement(), true, state, access.getCorrection());
    }

    @Override
    public CorrectedState corrected() {
      return CorrectedState.CONSENT;
    }

    @Override
    public String noun() {
      return "consent";
    }
  }
}
