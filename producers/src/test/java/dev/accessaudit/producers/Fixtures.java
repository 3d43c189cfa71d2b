package dev.accessaudit.producers;

import dev.accessaudit.avro.AccessAction;
import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.DataCategory;
import dev.accessaudit.avro.EmploymentType;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.avro.VisitorConsent;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Records and producers for publisher tests. */
final class Fixtures {

  static final Instant T = Instant.parse("2026-03-01T10:15:30Z");

  private Fixtures() {}

  static AccessEvent.Builder anAccessEvent() {
    return AccessEvent.newBuilder()
        .setEventId("e-1")
        .setOccurredAt(T)
        .setService("crm")
        .setStaffId("s-0042")
        .setStaffOffice("GB")
        .setVisitorId("v-000123")
        .setCategory(DataCategory.CONTACT_INFO)
        .setAction(AccessAction.VIEW)
        .setPurpose(AccessPurpose.CUSTOMER_CONTACT)
        .setEncryptedInTransit(true)
        .setFields(List.of("email"));
  }

  static StaffAgreement.Builder anAgreement() {
    return StaffAgreement.newBuilder()
        .setStaffId("s-0042")
        .setStatus(AgreementStatus.ACTIVE)
        .setEmployment(EmploymentType.EMPLOYEE)
        .setEffectiveFrom(T)
        .setSource("hr-system");
  }

  static VisitorConsent.Builder aConsent() {
    return VisitorConsent.newBuilder()
        .setVisitorId("v-000123")
        .setMarketingOptOut(true)
        .setEffectiveFrom(T)
        .setChannel("unsubscribe@rackspace.co.uk");
  }

  /** A producer that acknowledges every send at once. */
  static <V extends SpecificRecord> MockProducer<String, V> mockProducer() {
    return new MockProducer<>(true, null, new StringSerializer(), markerSerializer());
  }

  /** Serializes any value to one byte; the wire format is the serde module's concern. */
  static <V> Serializer<V> markerSerializer() {
    return (topic, value) -> value == null ? null : new byte[] {0};
  }
}
