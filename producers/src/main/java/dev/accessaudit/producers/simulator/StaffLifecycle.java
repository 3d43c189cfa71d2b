package dev.accessaudit.producers.simulator;

import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.StaffAgreement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * How staff agreements evolve: the state before the first event, background changes (signing,
 * expiry, revocation, deletion, renewal), and putting a staff member into a wanted state on demand.
 */
final class StaffLifecycle {

  private static final int TRIES = 60;

  private final Population population;
  private final AgreementLedger ledger;
  private final Random random;

  StaffLifecycle(Population population, AgreementLedger ledger, Random random) {
    this.population = population;
    this.ledger = ledger;
    this.random = random;
  }

  /** Gives every staff member an initial state, effective within the hour before {@code start}. */
  void initialise(Instant start) {
    List<Runnable> steps = new ArrayList<>();
    List<Instant> times = new ArrayList<>();
    for (StaffMember m : population.staff()) {
      Instant at = start.minusMillis(Draw.millis(random, 600_000, 3_600_000));
      initial(m, at, start, steps, times);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(times::get));
    order.forEach(i -> steps.get(i).run());
  }

  private void initial(
      StaffMember m, Instant at, Instant start, List<Runnable> steps, List<Instant> times) {
    double r = random.nextDouble();
    if (r < 0.04) {
      return; // never any agreement
    }
    AgreementStatus status =
        r < 0.07
            ? AgreementStatus.ACTIVE
            : r < 0.09
                ? AgreementStatus.UNKNOWN
                : r < 0.14
                    ? AgreementStatus.PENDING
                    : r < 0.17
                        ? AgreementStatus.REVOKED
                        : r < 0.20 ? AgreementStatus.EXPIRED : AgreementStatus.ACTIVE;
    Instant expiry = status == AgreementStatus.ACTIVE ? ledger.expiryFrom(start) : null;
    steps.add(() -> ledger.set(m, status, at, expiry, false));
    times.add(at);
    if (r < 0.07) { // signed, then deleted before the simulation starts
      Instant removedAt = at.plusMillis(Draw.millis(random, 1, 500_000));
      steps.add(() -> ledger.remove(m, removedAt, false));
      times.add(removedAt);
    }
  }

  /** One background change to a random staff member's agreement, at {@code at}. */
  void churn(Instant at, Predicate<StaffMember> excluded) {
    StaffMember m = population.anyStaff(random);
    if (excluded.test(m) || !ledger.changeable(m)) {
      return;
    }
    StaffAgreement a = ledger.inForce(m.id());
    RuleId rule = ledger.ruleAt(m, at);
    if (ledger.inOrder(m, at)) {
      degrade(m, at);
    } else if (rule == null) {
      return; // about to expire by itself
    } else if (rule == RuleId.AGREEMENT_REVOKED && Draw.chance(random, 0.5)) {
      ledger.remove(m, at, true);
    } else if (a == null || a.getStatus() == AgreementStatus.UNKNOWN) {
      ledger.set(m, AgreementStatus.PENDING, at, null, true);
    } else {
      ledger.activate(m, at, true);
    }
  }

  private void degrade(StaffMember m, Instant at) {
    double r = random.nextDouble();
    if (r < 0.4) {
      ledger.activate(m, at, true); // re-signed
    } else if (r < 0.6) {
      ledger.set(m, AgreementStatus.REVOKED, at, null, true);
    } else if (r < 0.8) {
      ledger.set(m, AgreementStatus.EXPIRED, at, null, true);
    } else if (r < 0.9) {
      ledger.remove(m, at, true);
    } else {
      Instant soon = at.plus(Duration.ofSeconds(30 + random.nextInt(300)));
      ledger.set(m, AgreementStatus.ACTIVE, at, soon, true);
    }
  }

  /** A staff member matching {@code who} whose agreement breaks {@code rule} at {@code at}. */
  StaffMember withAgreementRule(RuleId rule, Instant at, Predicate<StaffMember> who) {
    StaffMember found = find(m -> who.test(m) && ledger.ruleAt(m, at) == rule);
    if (found != null) {
      return found;
    }
    StaffMember m = find(who.and(ledger::changeable));
    if (m == null) {
      return null;
    }
    switch (rule) {
      case AGREEMENT_MISSING -> missing(m, at);
      case AGREEMENT_REVOKED -> ledger.set(m, AgreementStatus.REVOKED, at, null, true);
      case AGREEMENT_EXPIRED -> ledger.set(m, AgreementStatus.EXPIRED, at, null, true);
      case AGREEMENT_PENDING -> ledger.set(m, AgreementStatus.PENDING, at, null, true);
      default -> throw new IllegalArgumentException(rule + " is not an agreement rule");
    }
    return m;
  }

  private void missing(StaffMember m, Instant at) {
    if (Draw.chance(random, 0.5)) {
      ledger.remove(m, at, true);
    } else {
      ledger.set(m, AgreementStatus.UNKNOWN, at, null, true);
    }
  }

  /** A staff member matching {@code who} whose agreement is in order at {@code at}. */
  StaffMember inOrder(Instant at, Predicate<StaffMember> who) {
    StaffMember found = find(m -> who.test(m) && ledger.inOrder(m, at));
    if (found != null) {
      return found;
    }
    StaffMember m = find(who.and(ledger::changeable));
    if (m == null) {
      // A change held back may be overtaken: whatever the arrival order, the newer one is in force.
      m = find(who);
    }
    if (m != null) {
      ledger.set(m, AgreementStatus.ACTIVE, at, null, true);
    }
    return m;
  }

  private StaffMember find(Predicate<StaffMember> wanted) {
    for (int i = 0; i < TRIES; i++) {
      StaffMember m = population.anyStaff(random);
      if (wanted.test(m)) {
        return m;
      }
    }
    return population.staff().stream().filter(wanted).findFirst().orElse(null);
  }
}
