package dev.accessaudit.streams;

import dev.accessaudit.avro.AccessAction;
import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.DataCategory;
import dev.accessaudit.avro.EmploymentType;
import dev.accessaudit.avro.Severity;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.avro.VisitorConsent;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.policy.PolicyRule;
import dev.accessaudit.streams.policy.PolicyVersion;
import dev.accessaudit.streams.rules.agreement.AgreementExpiredRule;
import dev.accessaudit.streams.rules.agreement.AgreementMissingRule;
import dev.accessaudit.streams.rules.agreement.AgreementPendingRule;
import dev.accessaudit.streams.rules.agreement.AgreementRevokedRule;
import java.time.Instant;
import java.util.List;

/** Test data: compliant by default, so each test changes only what it is about. */
public final class AuditFixtures {

  public static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  public static final String CLAUSE =
      "our company databases are accessible only by person who have entered into and are bound"
          + " by a confidentiality and nondisclosure agreement with Rackspace.";

  private AuditFixtures() {}

  public static AccessEvent.Builder anAccessEvent() {
    return AccessEvent.newBuilder()
        .setEventId("evt-1")
        .setOccurredAt(T0)
        .setService("crm")
        .setStaffId("s-0001")
        .setStaffOffice("GB")
        .setVisitorId("v-000001")
        .setCategory(DataCategory.CONTACT_INFO)
        .setAction(AccessAction.VIEW)
        .setPurpose(AccessPurpose.CUSTOMER_CONTACT)
        .setRecipient(null)
        .setTransactionId(null)
        .setEncryptedInTransit(true)
        .setSite("www.rackspace.co.uk")
        .setFields(List.of("email"));
  }

  public static StaffAgreement.Builder anAgreement(AgreementStatus status, Instant from) {
    return StaffAgreement.newBuilder()
        .setStaffId("s-0001")
        .setStatus(status)
        .setEmployment(EmploymentType.EMPLOYEE)
        .setEffectiveFrom(from)
        .setExpiresAt(null)
        .setAgreementId("nda-1")
        .setSource("hr-system");
  }

  public static VisitorConsent aConsent(String visitorId, boolean optOut, Instant from) {
    return VisitorConsent.newBuilder()
        .setVisitorId(visitorId)
        .setMarketingOptOut(optOut)
        .setEffectiveFrom(from)
        .setChannel(optOut ? "unsubscribe@rackspace.co.uk" : null)
        .build();
  }

  /** The four agreement rules of the contract, in one version named "test". */
  public static Policy agreementPolicy() {
    return new Policy(
        List.of(
            new PolicyVersion(
                "test",
                Instant.parse("2000-01-01T00:00:00Z"),
                "agreement rules only",
                List.of(
                    PolicyRule.of(new AgreementMissingRule(), Severity.CRITICAL, CLAUSE),
                    PolicyRule.of(new AgreementRevokedRule(), Severity.CRITICAL, CLAUSE),
                    PolicyRule.of(new AgreementExpiredRule(), Severity.HIGH, CLAUSE),
                    PolicyRule.of(new AgreementPendingRule(), Severity.HIGH, CLAUSE)))));
  }
}
