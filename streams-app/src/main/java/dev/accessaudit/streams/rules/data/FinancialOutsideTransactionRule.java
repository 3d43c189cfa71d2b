package dev.accessaudit.streams.rules.data;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.DataCategory;
import dev.accessaudit.streams.rules.AccessContext;
import dev.accessaudit.streams.rules.Describe;
import dev.accessaudit.streams.rules.Rule;
import dev.accessaudit.streams.rules.Violation;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * FINANCIAL_OUTSIDE_TRANSACTION: financial data is collected "on a transaction-by-transaction
 * basis" and may be "stored for logging purposes". Touching it is allowed only for a transaction
 * purpose with a {@code transactionId}, or for a logging purpose; anything else breaks the promise.
 */
public final class FinancialOutsideTransactionRule implements Rule {

  public static final String ID = "FINANCIAL_OUTSIDE_TRANSACTION";

  private final Set<AccessPurpose> transactionPurposes;
  private final Set<AccessPurpose> loggingPurposes;

  /**
   * @param transactionPurposes purposes allowed when the access names a transaction
   * @param loggingPurposes purposes allowed without a transaction
   */
  public FinancialOutsideTransactionRule(
      Set<AccessPurpose> transactionPurposes, Set<AccessPurpose> loggingPurposes) {
    this.transactionPurposes = Set.copyOf(transactionPurposes);
    this.loggingPurposes = Set.copyOf(loggingPurposes);
  }

  /** TRANSACTION_PROCESSING with a transaction id, REGULATORY_LOGGING without. */
  public static FinancialOutsideTransactionRule withDefaults() {
    return new FinancialOutsideTransactionRule(
        EnumSet.of(AccessPurpose.TRANSACTION_PROCESSING),
        EnumSet.of(AccessPurpose.REGULATORY_LOGGING));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<Violation> check(AccessContext access) {
    AccessEvent event = access.event();
    if (event.getCategory() != DataCategory.FINANCIAL
        || loggingPurposes.contains(event.getPurpose())) {
      return Optional.empty();
    }
    boolean inTransaction = !Text.isBlank(event.getTransactionId());
    if (inTransaction && transactionPurposes.contains(event.getPurpose())) {
      return Optional.empty();
    }
    String why =
        transactionPurposes.contains(event.getPurpose())
            ? " for " + Describe.words(event.getPurpose().name()) + " without a transaction id."
            : " for " + Describe.words(event.getPurpose().name()) + ", outside any transaction.";
    return Optional.of(
        new Violation(Describe.access(event) + why, Map.of("purpose", event.getPurpose().name())));
  }
}
