package dev.accessaudit.producers.simulator;

import dev.accessaudit.avro.AccessAction;
import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.DataCategory;
import dev.accessaudit.avro.EmploymentType;
import dev.accessaudit.avro.StaffAgreement;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The simulator's own statement of the rules: which ruleIds an access must raise, given the
 * agreement and consent in force at its occurredAt and whether it took its staff member past the
 * bulk threshold. Pure; used to label every generated event with its expected alerts.
 *
 * <p>Interpretations shared with the pipeline: {@code NON_EMPLOYEE_ACCESS} needs an agreement
 * record in force whose employment is CONTRACTOR or VENDOR, whatever its status (the simulator only
 * generates it with ACTIVE agreements); {@code BULK_ACCESS} labels the one access that makes the
 * staff member's distinct visitors in the hour exceed the threshold.
 */
final class GroundTruth {

  /** More distinct visitors than this, for one staff member in one hour, is bulk access. */
  static final int BULK_THRESHOLD = 200;

  private final SimulationSettings settings;

  GroundTruth(SimulationSettings settings) {
    this.settings = settings;
  }

  /** The agreement rule an access at {@code t} breaks, or null when the agreement is in order. */
  static RuleId agreementRule(StaffAgreement a, Instant t) {
    if (a == null || a.getStatus() == AgreementStatus.UNKNOWN) {
      return RuleId.AGREEMENT_MISSING;
    }
    return switch (a.getStatus()) {
      case REVOKED -> RuleId.AGREEMENT_REVOKED;
      case EXPIRED -> RuleId.AGREEMENT_EXPIRED;
      case PENDING -> RuleId.AGREEMENT_PENDING;
      default -> expired(a, t) ? RuleId.AGREEMENT_EXPIRED : null;
    };
  }

  private static boolean expired(StaffAgreement a, Instant t) {
    return a.getExpiresAt() != null && !a.getExpiresAt().isAfter(t);
  }

  /** The ruleIds {@code e} must raise, sorted by name. */
  Set<String> expected(AccessEvent e, StaffAgreement inForce, boolean optedOut, boolean bulk) {
    Set<RuleId> rules = EnumSet.noneOf(RuleId.class);
    RuleId agreement = agreementRule(inForce, e.getOccurredAt());
    if (agreement != null) {
      rules.add(agreement);
    }
    if (settings.extendedRules()) {
      addExtended(rules, e, inForce, optedOut, bulk);
    }
    return rules.stream().map(Enum::name).collect(Collectors.toUnmodifiableSet());
  }

  private void addExtended(
      Set<RuleId> rules, AccessEvent e, StaffAgreement inForce, boolean optedOut, boolean bulk) {
    boolean policy2005 = settings.policyVersionAt(e.getOccurredAt()).equals("2005");
    DataCategory category = e.getCategory();
    AccessPurpose purpose = e.getPurpose();
    if (category == DataCategory.FINANCIAL && !financialAllowed(e)) {
      rules.add(RuleId.FINANCIAL_OUTSIDE_TRANSACTION);
    }
    if (e.getRecipient() != null) {
      rules.add(RuleId.EXTERNAL_DISCLOSURE);
    }
    if (category == DataCategory.IP_ADDRESS
        && purpose != AccessPurpose.SERVER_DIAGNOSTICS
        && purpose != AccessPurpose.SITE_ADMINISTRATION) {
      rules.add(RuleId.IP_ADDRESS_MISUSE);
    }
    if (category == DataCategory.CONTACT_INFO && purpose == AccessPurpose.MARKETING && optedOut) {
      rules.add(RuleId.MARKETING_AFTER_OPT_OUT);
    }
    if (!policy2005 && ukOnly(category) && !"GB".equals(e.getStaffOffice())) {
      rules.add(RuleId.REGION_RESTRICTED_DATA);
    }
    if (transfer(e.getAction()) && !e.getEncryptedInTransit()) {
      rules.add(RuleId.UNENCRYPTED_TRANSFER);
    }
    if (policy2005 && nonEmployee(inForce)) {
      rules.add(RuleId.NON_EMPLOYEE_ACCESS);
    }
    if (bulk) {
      rules.add(RuleId.BULK_ACCESS);
    }
  }

  private static boolean financialAllowed(AccessEvent e) {
    return e.getPurpose() == AccessPurpose.REGULATORY_LOGGING
        || (e.getPurpose() == AccessPurpose.TRANSACTION_PROCESSING && e.getTransactionId() != null);
  }

  static boolean ukOnly(DataCategory category) {
    return category == DataCategory.LIVE_CHAT || category == DataCategory.TELEPHONE_RECORDING;
  }

  private static boolean transfer(AccessAction action) {
    return action == AccessAction.EXPORT || action == AccessAction.DISCLOSE;
  }

  private static boolean nonEmployee(StaffAgreement a) {
    return a != null
        && (a.getEmployment() == EmploymentType.CONTRACTOR
            || a.getEmployment() == EmploymentType.VENDOR);
  }
}
