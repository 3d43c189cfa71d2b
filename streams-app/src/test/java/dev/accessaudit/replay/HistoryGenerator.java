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
 * of order, with a few duplicates and invalid records. Seeded, so every run publishes the same.
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
  private static final List<String> SERVICES = List.of("crm", "billing", "support", "web");

  private final SplittableRandom random;
  private final int staff;
  private final int visitors;
  private final Duration period;

  HistoryGenerator(long seed, int staff, int visitors, Duration period) {
    this.random = new SplittableRandom(seed);
    this.staff = staff;
    this.visitors = visitors;
    this.period = period;
  }

  static String staffId(int i) {
    return String.format("s-%04d", i);
  }

  /** Publishes one agreement history per staff member; about 3% have none. */
  void agreements(Scenario out) {
    for (int i = 0; i < staff; i++) {
      String id = staffId(i);
      int kind = random.nextInt(100);
      if (kind < 3) {
        continue;
      }
      out.agreement(id, AgreementStatus.ACTIVE, START.minus(Duration.ofDays(365)));
      if (kind < 8) {
        out.agreement(id, AgreementStatus.REVOKED, at(random.nextLong(period.toMillis())));
      } else if (kind < 10) {
        out.agreement(id, AgreementStatus.PENDING, START.minus(Duration.ofDays(400)));
      }
    }
  }

  /** The i-th of {@code count} accesses: time grows with i, jittered by up to a few seconds. */
  AccessEvent access(long i, long count) {
    long base = period.toMillis() * i / count;
    long time = Math.max(0, base - random.nextLong(5_000));
    return AccessEvent.newBuilder()
        .setEventId("evt-" + i)
        .setOccurredAt(at(time))
        .setService(SERVICES.get(random.nextInt(SERVICES.size())))
        .setStaffId(staffId(random.nextInt(staff)))
        .setStaffOffice(random.nextInt(10) == 0 ? "US" : "GB")
        .setVisitorId("v-" + random.nextInt(visitors))
        .setCategory(CATEGORIES[random.nextInt(CATEGORIES.length - 1)])
        .setAction(ACTIONS[random.nextInt(ACTIONS.length)])
        .setPurpose(PURPOSES[random.nextInt(PURPOSES.length - 1)])
        .setRecipient(null)
        .setTransactionId(random.nextInt(3) == 0 ? "tx-" + i : null)
        .setEncryptedInTransit(random.nextInt(50) != 0)
        .setSite("www.rackspace.co.uk")
        .setFields(List.of("email"))
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
