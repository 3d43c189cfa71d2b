package dev.accessaudit.producers.simulator;

import java.time.Instant;
import java.util.Random;

/** Picks visitors for accesses and changes their marketing choices. */
final class Visitors {

  private static final int TRIES = 30;

  private final Population population;
  private final ConsentLedger consents;
  private final Random random;

  Visitors(Population population, ConsentLedger consents, Random random) {
    this.population = population;
    this.consents = consents;
    this.random = random;
  }

  boolean optedOut(String visitorId) {
    return consents.optedOut(visitorId);
  }

  /**
   * A visitor from {@code m}'s book whose opt-out is {@code optedOut}; when none is found, one of
   * them makes that choice at {@code at}.
   */
  String withMarketingChoice(StaffMember m, boolean optedOut, Instant at) {
    for (int i = 0; i < TRIES; i++) {
      String v = population.bookVisitor(m, random);
      if (consents.optedOut(v) == optedOut) {
        return v;
      }
    }
    String v = population.bookVisitor(m, random);
    consents.set(v, optedOut, at, Population.unsubscribeAddressFor(m.office()));
    return v;
  }

  /** A visitor {@code m} has not touched yet in the hour holding {@code at}. */
  String unseen(StaffMember m, Instant at, BulkCounter bulk) {
    String v = population.anyVisitor(random);
    while (bulk.seen(m.id(), v, at)) {
      v = population.anyVisitor(random);
    }
    return v;
  }

  /** A visitor of a random staff member's book opts out of marketing, or now and then back in. */
  void churn(Instant at) {
    StaffMember m = population.anyStaff(random);
    String v = population.bookVisitor(m, random);
    boolean optOut = !consents.optedOut(v) || Draw.chance(random, 0.8);
    if (optOut != consents.optedOut(v)) {
      consents.set(v, optOut, at, optOut ? Population.unsubscribeAddressFor(m.office()) : null);
    }
  }
}
