package dev.accessaudit.replay;

import dev.accessaudit.avro.AccessAction;
import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.DataCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates a realistic audit history for the benchmark: staff with agreements (most active, some
 * revoked mid-way, some pending, some with none), and accesses spread over a period, slightly out
 * of order, with a few duplicates and invalid records; a given share of the accesses break rules.
 * Seeded, so every run publishes the same.
 */
final class HistoryGenerator {

  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final DataCategory[] CATEGORIES = DataCategory.values();
  private static final AccessAction[] ACTIONS = {
    AccessAction.VIEW,
    AccessAction.VIEW,
    AccessAction.VIEW,
    AccessAction.MODIFY,
    AccessAction.EXPORT
  };
  private static final AccessPurpose[] PURPOSES = AccessPurpose.values();
  private static final DataCategory[] COMPLIANT = {
    DataCategory.CONTACT_INFO,
    DataCategory.CONTACT_INFO,
    DataCategory.UNIQUE_IDENTIFIER,
    DataCategory.COOKIE,
    DataCategory.FINANCIAL,
    DataCategory.IP_ADDRESS,
    DataCategory.LIVE_CHAT
  };
  private static final List<String> SERVICES = List.of("crm", "billing", "support", "web");

  private final SplittableRandom random;
  private final int staff;
  private final int visitors;
  private final Duration period;
  private final double violations;

  HistoryGenerator(long seed, int staff, int visitors, Duration period, double violations) {
    this.random = new SplittableRandom(seed);
    this.staff = staff;
    this.visitors = visitors;
    this.period = period;
    this.violations = violations;
  }

  static String staffId(int i) {
    return String.format("s-%04d", i);
  }

  /**
   * Publishes one agreement history per staff member; about 3% have none. HR publishes them all
   * before the period, revocations scheduled ahead, as a feed publishes them: stamped with the
   * publish time, in force from their effectiveFrom.
   */
  void agreements(Scenario out) {
    Instant published = START.minus(Duration.ofDays(1));
    for (int i = 0; i < staff; i++) {
      String id = staffId(i);
      int kind = random.nextInt(100);
      if (kind < 3) {
        continue;
      }
      out.agreement(id, AgreementStatus.ACTIVE, START.minus(Duration.ofDays(365)), published);
      if (kind < 8) {
        out.agreement(
            id, AgreementStatus.REVOKED, at(random.nextLong(period.toMillis())), published);
      } else if (kind < 10) {
        out.agreement(id, AgreementStatus.PENDING, START.minus(Duration.ofDays(400)), published);
      }
    }
  }

  /**
   * The i-th of {@code count} accesses: time grows with i, jittered by up to a few seconds. Most
   * accesses comply with the shipped policy, as in a real history; {@code violations} of them (a
   * share) take any category, purpose, office and encryption, and mostly break some rule.
   */
  AccessEvent access(long i, long count) {
    long base = period.toMillis() * i / count;
    long time = Math.max(0, base - random.nextLong(5_000));
    AccessEvent.Builder event =
        AccessEvent.newBuilder()
            .setEventId("evt-" + i)
            .setOccurredAt(at(time))
            .setService(SERVICES.get(random.nextInt(SERVICES.size())))
            .setStaffId(staffId(random.nextInt(staff)))
            .setVisitorId("v-" + random.nextInt(visitors))
            .setAction(ACTIONS[random.nextInt(ACTIONS.length)])
            .setRecipient(null)
            .setSite("www.rackspace.co.uk")
            .setFields(List.of("email"));
    return random.nextDouble() < violations ? anything(event, i) : compliant(event, i);
  }

  private AccessEvent compliant(AccessEvent.Builder event, long i) {
    DataCategory category = COMPLIANT[random.nextInt(COMPLIANT.length)];
    AccessPurpose purpose =
        switch (category) {
          case FINANCIAL -> AccessPurpose.TRANSACTION_PROCESSING;
          case IP_ADDRESS -> AccessPurpose.SERVER_DIAGNOSTICS;
          default ->
              random.nextInt(10) == 0 ? AccessPurpose.MARKETING : AccessPurpose.CUSTOMER_CONTACT;
        };
    return event
        .setStaffOffice("GB")
        .setCategory(category)
        .setPurpose(purpose)
        .setTransactionId(category == DataCategory.FINANCIAL ? "tx-" + i : null)
        .setEncryptedInTransit(true)
        .build();
  }

  private AccessEvent anything(AccessEvent.Builder event, long i) {
    return event
        .setStaffOffice(random.nextInt(10) == 0 ? "US" : "GB")
        .setCategory(CATEGORIES[random.nextInt(CATEGORIES.length - 1)])
        .setPurpose(PURPOSES[random.nextInt(PURPOSES.length - 1)])
        .setTransactionId(random.nextInt(3) == 0 ? "tx-" + i : null)
        .setEncryptedInTransit(random.nextInt(50) != 0)
        .build();
  }

  /** Whether to publish this access twice (a producer retry), about 1 in 1000. */
  boolean duplicate() {
    return random.nextInt(1000) == 0;
  }

  /** Whether to publish a wrongly keyed copy instead, about 1 in 2000. */
  boolean wronglyKeyed() {
    return random.nextInt(2000) == 0;
  }

  private static Instant at(long millis) {
    return START.plusMillis(millis);
  }
}
