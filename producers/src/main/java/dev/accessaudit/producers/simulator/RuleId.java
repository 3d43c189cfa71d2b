package dev.accessaudit.producers.simulator;

import java.util.EnumSet;
import java.util.Set;

/**
 * The compliance rules the simulator knows the ground truth for; {@link #name()} is the contract's
 * {@code ruleId}, exactly as it appears in {@code ComplianceAlert.ruleId}.
 */
public enum RuleId {
  /** No agreement on record at occurredAt: never any, a tombstone, or status UNKNOWN. */
  AGREEMENT_MISSING,
  /** Agreement status REVOKED at occurredAt. */
  AGREEMENT_REVOKED,
  /** Agreement status EXPIRED, or ACTIVE with expiresAt at or before occurredAt. */
  AGREEMENT_EXPIRED,
  /** Agreement status PENDING at occurredAt. */
  AGREEMENT_PENDING,
  /** FINANCIAL data for anything but TRANSACTION_PROCESSING with a transactionId, or logging. */
  FINANCIAL_OUTSIDE_TRANSACTION,
  /** Data given to an outside organisation (recipient set). */
  EXTERNAL_DISCLOSURE,
  /** IP_ADDRESS used for anything but SERVER_DIAGNOSTICS or SITE_ADMINISTRATION. */
  IP_ADDRESS_MISUSE,
  /** CONTACT_INFO used for MARKETING while the visitor is opted out. */
  MARKETING_AFTER_OPT_OUT,
  /** LIVE_CHAT or TELEPHONE_RECORDING touched from an office outside GB, under the 2009 policy. */
  REGION_RESTRICTED_DATA,
  /** EXPORT or DISCLOSE without encryption in transit. */
  UNENCRYPTED_TRANSFER,
  /** A CONTRACTOR or VENDOR touched visitor data while the 2005 policy was in force. */
  NON_EMPLOYEE_ACCESS,
  /** One staff member touched more than 200 distinct visitors in one epoch-aligned hour. */
  BULK_ACCESS;

  /** The four rules of the first release, about the staff member's agreement. */
  public static final Set<RuleId> AGREEMENT_RULES =
      Set.copyOf(EnumSet.range(AGREEMENT_MISSING, AGREEMENT_PENDING));

  /** Every rule. */
  public static final Set<RuleId> ALL = Set.copyOf(EnumSet.allOf(RuleId.class));

  /** Whether this is one of the {@link #AGREEMENT_RULES}. */
  public boolean isAgreementRule() {
    return AGREEMENT_RULES.contains(this);
  }
}
