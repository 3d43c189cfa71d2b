package dev.accessaudit.producers.simulator;

import dev.accessaudit.avro.AccessAction;
import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AccessPurpose;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/** Builds access events: compliant ones from a service profile, and their deliberate breaches. */
final class EventFactory {

  private static final List<String> RECIPIENTS =
      List.of("acme-lead-brokers", "northwind-data-ltd", "contoso-marketing");

  private final Random random;

  EventFactory(Random random) {
    this.random = random;
  }

  /** A compliant access by {@code m} to {@code visitorId}'s data as {@code p} describes. */
  AccessEvent.Builder compliant(ServiceProfile p, StaffMember m, String visitorId, Instant at) {
    AccessEvent.Builder b =
        AccessEvent.newBuilder()
            .setEventId(eventId())
            .setOccurredAt(at)
            .setService(p.service())
            .setStaffId(m.id())
            .setStaffOffice(m.office())
            .setVisitorId(visitorId)
            .setCategory(p.category())
            .setAction(Draw.oneOf(random, p.actions()))
            .setPurpose(Draw.oneOf(random, p.purposes()))
            .setEncryptedInTransit(true)
            .setSite(Population.siteFor(m.office()))
            .setFields(fields(p));
    if (p.transactional()) {
      b.setTransactionId("tx-" + Long.toHexString(random.nextLong() & Long.MAX_VALUE));
    }
    return b;
  }

  /** Financial data used outside a transaction: another purpose, or no transactionId. */
  void financialOutsideTransaction(AccessEvent.Builder b) {
    AccessPurpose purpose =
        Draw.oneOf(
            random,
            AccessPurpose.TRANSACTION_PROCESSING,
            AccessPurpose.CUSTOMER_CONTACT,
            AccessPurpose.CONTENT_IMPROVEMENT,
            AccessPurpose.ADVERTISING);
    b.setPurpose(purpose).setTransactionId(null);
  }

  /** The data handed to an outside organisation, encrypted. */
  void externalDisclosure(AccessEvent.Builder b) {
    b.setAction(AccessAction.DISCLOSE).setRecipient(Draw.oneOf(random, RECIPIENTS));
  }

  /** An IP address used for something other than diagnostics or administration. */
  void ipAddressMisuse(AccessEvent.Builder b) {
    b.setService("web-analytics")
        .setPurpose(
            Draw.oneOf(
                random,
                AccessPurpose.ADVERTISING,
                AccessPurpose.CONTENT_PERSONALIZATION,
                AccessPurpose.AGGREGATE_STATISTICS));
  }

  /** An export without encryption in transit. */
  void unencryptedTransfer(AccessEvent.Builder b) {
    b.setAction(AccessAction.EXPORT).setEncryptedInTransit(false);
  }

  private List<String> fields(ServiceProfile p) {
    List<String> fields = new ArrayList<>();
    for (String f : p.fields()) {
      if (fields.isEmpty() || Draw.chance(random, 0.5)) {
        fields.add(f);
      }
    }
    return fields;
  }

  private String eventId() {
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
    return new UUID(high, low).toString();
  }
}
