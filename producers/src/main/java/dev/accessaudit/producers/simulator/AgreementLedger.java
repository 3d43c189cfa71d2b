package dev.accessaudit.producers.simulator;

import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.StaffAgreement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * The agreement in force for each staff member, and the records that change it. Time only moves
 * forward, so the current entry is the one in force at any later access. A change may be sent late
 * (see {@link SimulationSettings#lateAgreementFraction()}): the ledger changes at once, the record
 * is held back in the {@link Outbox}.
 */
final class AgreementLedger {

  private final Map<String, StaffAgreement> inForce = new HashMap<>();
  private final Map<String, Integer> versions = new HashMap<>();
  private final Outbox outbox;
  private final SimulationSettings settings;
  private final Random random;

  AgreementLedger(Outbox outbox, SimulationSettings settings, Random random) {
    this.outbox = outbox;
    this.settings = settings;
    this.random = random;
  }

  /** The agreement in force for {@code staffId}; null when none is on record. */
  StaffAgreement inForce(String staffId) {
    return inForce.get(staffId);
  }

  /** The agreement rule an access by {@code member} at {@code t} breaks; null when none. */
  RuleId ruleAt(StaffMember member, Instant t) {
    return GroundTruth.agreementRule(inForce.get(member.id()), t);
  }

  /**
   * Whether {@code member}'s agreement is in order at {@code t} and stays so for a second, so that
   * an access planned at {@code t} and moved a millisecond later is still compliant.
   */
  boolean inOrder(StaffMember member, Instant t) {
    return ruleAt(member, t) == null && ruleAt(member, t.plusSeconds(1)) == null;
  }

  /** Whether {@code member}'s agreement may change now (no change of theirs is held back). */
  boolean changeable(StaffMember member) {
    return !outbox.latePending(member.id());
  }

  /** Records a new version and emits it, possibly late. */
  void set(
      StaffMember m, AgreementStatus status, Instant at, Instant expiresAt, boolean mayBeLate) {
    StaffAgreement a =
        StaffAgreement.newBuilder()
            .setStaffId(m.id())
            .setStatus(status)
            .setEmployment(m.employment())
            .setEffectiveFrom(at)
            .setExpiresAt(expiresAt)
            .setAgreementId(status == AgreementStatus.UNKNOWN ? null : nextAgreementId(m))
            .setSource(m.isEmployee() ? "hr-system" : "vendor-portal")
            .build();
    inForce.put(m.id(), a);
    boolean late = mayBeLate && Draw.chance(random, settings.lateAgreementFraction());
    emit(new SimulatedRecord.AgreementSet(a, late), m, at, late);
  }

  /** Records that no agreement is on record from {@code at} on, and emits the tombstone. */
  void remove(StaffMember m, Instant at, boolean mayBeLate) {
    inForce.remove(m.id());
    boolean late = mayBeLate && Draw.chance(random, settings.lateAgreementFraction());
    emit(new SimulatedRecord.AgreementRemoved(m.id(), at, late), m, at, late);
  }

  /** An ACTIVE version from {@code at}; mostly without expiry, sometimes expiring soon. */
  void activate(StaffMember m, Instant at, boolean mayBeLate) {
    set(m, AgreementStatus.ACTIVE, at, expiryFrom(at), mayBeLate);
  }

  Instant expiryFrom(Instant at) {
    double r = random.nextDouble();
    if (r < 0.2) {
      return at.plusMillis(Draw.millis(random, 30_000, 900_000));
    }
    return r < 0.6 ? null : at.plus(Duration.ofDays(365));
  }

  private void emit(SimulatedRecord record, StaffMember m, Instant at, boolean late) {
    if (late) {
      long maxDelay = settings.maxAgreementDelay().toMillis();
      outbox.addLate(record, m.id(), at.plusMillis(Draw.millis(random, maxDelay / 5, maxDelay)));
    } else {
      outbox.add(record);
    }
  }

  private String nextAgreementId(StaffMember m) {
    int version = versions.merge(m.id(), 1, Integer::sum);
    return "NDA-" + m.id().substring(2) + "-" + version;
  }
}
