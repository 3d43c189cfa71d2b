package dev.accessaudit.validation;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

class RecordValidatorTest {

  private static final Instant T = Instant.parse("2026-03-01T10:15:30Z");

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

  @Test
  void shouldAcceptWellFormedRecords() {
    assertThat(RecordValidator.problems(anAccessEvent().build())).isEmpty();
    assertThat(RecordValidator.problems(anAgreement().build())).isEmpty();
    assertThat(RecordValidator.problems(aConsent().build())).isEmpty();
  }

  @Test
  void shouldListEveryBlankRequiredStringOfAnEvent() {
    AccessEvent e =
        anAccessEvent().setEventId(" ").setService("").setStaffId(" ").setVisitorId("").build();

    assertThat(RecordValidator.problems(e))
        .containsExactly(
            "eventId is blank", "service is blank", "staffId is blank", "visitorId is blank");
  }

  @Test
  void shouldSuggestGbWhenOfficeIsUk() {
    AccessEvent e = anAccessEvent().setStaffOffice("UK").build();

    assertThat(RecordValidator.problems(e))
        .containsExactly("staffOffice 'UK' is not an ISO 3166-1 alpha-2 code (did you mean GB?)");
  }

  @Test
  void shouldSuggestAlpha2WhenOfficeIsAlpha3OrLowerCase() {
    assertThat(RecordValidator.problems(anAccessEvent().setStaffOffice("NLD").build()))
        .containsExactly("staffOffice 'NLD' is not an ISO 3166-1 alpha-2 code (did you mean NL?)");
    assertThat(RecordValidator.problems(anAccessEvent().setStaffOffice("dk").build()))
        .containsExactly("staffOffice 'dk' is not an ISO 3166-1 alpha-2 code (did you mean DK?)");
  }

  @Test
  void shouldRejectUnknownOfficeWithoutHint() {
    assertThat(RecordValidator.problems(anAccessEvent().setStaffOffice("XQ").build()))
        .containsExactly("staffOffice 'XQ' is not an ISO 3166-1 alpha-2 code");
  }

  @Test
  void shouldRejectOccurredAtAtOrBeforeEpoch() {
    AccessEvent e = anAccessEvent().setOccurredAt(Instant.EPOCH).build();

    assertThat(RecordValidator.problems(e))
        .containsExactly("occurredAt 1970-01-01T00:00:00Z is not after 1970-01-01T00:00:00Z");
  }

  @Test
  void shouldRejectBlankOptionalStringsAndBlankFieldEntries() {
    AccessEvent e =
        anAccessEvent()
            .setRecipient(" ")
            .setTransactionId("")
            .setSite(" ")
            .setFields(List.of("email", " "))
            .build();

    assertThat(RecordValidator.problems(e))
        .containsExactly(
            "recipient is blank (leave it out when there is none)",
            "transactionId is blank (leave it out when there is none)",
            "site is blank (leave it out when there is none)",
            "fields[1] is blank");
  }

  @Test
  void shouldReportMissingValuesSetThroughTheConstructor() {
    AccessEvent e = new AccessEvent();

    assertThat(RecordValidator.problems(e))
        .contains(
            "eventId is missing",
            "occurredAt is missing",
            "staffOffice is missing",
            "category is missing",
            "fields is missing (use an empty list when no field was named)");
  }

  @Test
  void shouldAllowUnknownAgreementStatusBecauseItMeansNoAgreement() {
    StaffAgreement a = anAgreement().setStatus(AgreementStatus.UNKNOWN).build();

    assertThat(RecordValidator.problems(a)).isEmpty();
  }

  @Test
  void shouldRejectExpiryNotAfterEffectiveFrom() {
    StaffAgreement a = anAgreement().setExpiresAt(T).build();

    assertThat(RecordValidator.problems(a))
        .containsExactly("expiresAt " + T + " is not after effectiveFrom " + T);
  }

  @Test
  void shouldListEveryProblemOfAnAgreement() {
    StaffAgreement a =
        anAgreement()
            .setStaffId("")
            .setEffectiveFrom(Instant.ofEpochMilli(-5))
            .setAgreementId(" ")
            .setSource(" ")
            .build();

    assertThat(RecordValidator.problems(a))
        .containsExactly(
            "staffId is blank",
            "effectiveFrom 1969-12-31T23:59:59.995Z is not after 1970-01-01T00:00:00Z",
            "agreementId is blank (leave it out when there is none)",
            "source is blank");
  }

  @Test
  void shouldListEveryProblemOfAConsent() {
    VisitorConsent c =
        aConsent().setVisitorId(" ").setEffectiveFrom(Instant.EPOCH).setChannel("").build();

    assertThat(RecordValidator.problems(c))
        .containsExactly(
            "visitorId is blank",
            "effectiveFrom 1970-01-01T00:00:00Z is not after 1970-01-01T00:00:00Z",
            "channel is blank (leave it out when there is none)");
  }

  @Test
  void shouldReportAMissingRecord() {
    assertThat(RecordValidator.problems((AccessEvent) null))
        .containsExactly("the access event is missing");
  }
}
