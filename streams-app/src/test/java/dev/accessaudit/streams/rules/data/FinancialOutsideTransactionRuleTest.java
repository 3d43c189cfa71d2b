package dev.accessaudit.streams.rules.data;

import static dev.accessaudit.streams.rules.fixtures.Accesses.anAccessEvent;
import static dev.accessaudit.streams.rules.fixtures.Accesses.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.DataCategory;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class FinancialOutsideTransactionRuleTest {

  private final FinancialOutsideTransactionRule rule =
      FinancialOutsideTransactionRule.withDefaults();

  @Test
  void shouldRaiseWhenFinancialDataIsUsedForMarketing() {
    var violation =
        rule.check(
            context(
                anAccessEvent()
                    .setCategory(DataCategory.FINANCIAL)
                    .setPurpose(AccessPurpose.MARKETING)
                    .setTransactionId("tx-1")));

    assertThat(violation).isPresent();
    assertThat(violation.get().summary()).contains("financial", "marketing", "outside any");
    assertThat(violation.get().details()).containsEntry("purpose", "MARKETING");
  }

  @Test
  void shouldRaiseWhenTransactionProcessingNamesNoTransaction() {
    var violation =
        rule.check(
            context(
                anAccessEvent()
                    .setCategory(DataCategory.FINANCIAL)
                    .setPurpose(AccessPurpose.TRANSACTION_PROCESSING)
                    .setTransactionId(" ")));

    assertThat(violation).hasValueSatisfying(v -> assertThat(v.summary()).contains("without"));
  }

  @Test
  void shouldNotRaiseWhenProcessingATransaction() {
    assertThat(
            rule.check(
                context(
                    anAccessEvent()
                        .setCategory(DataCategory.FINANCIAL)
                        .setPurpose(AccessPurpose.TRANSACTION_PROCESSING)
                        .setTransactionId("tx-1"))))
        .isEmpty();
  }

  @Test
  void shouldNotRaiseWhenLoggingWithoutTransaction() {
    assertThat(
            rule.check(
                context(
                    anAccessEvent()
                        .setCategory(DataCategory.FINANCIAL)
                        .setPurpose(AccessPurpose.REGULATORY_LOGGING))))
        .isEmpty();
  }

  @Test
  void shouldNotRaiseForOtherCategories() {
    assertThat(rule.check(context(anAccessEvent().setPurpose(AccessPurpose.MARKETING)))).isEmpty();
  }

  @Test
  void shouldHonourConfiguredLoggingPurposes() {
    var strict =
        new FinancialOutsideTransactionRule(
            EnumSet.of(AccessPurpose.TRANSACTION_PROCESSING), EnumSet.noneOf(AccessPurpose.class));

    assertThat(
            strict.check(
                context(
                    anAccessEvent()
                        .setCategory(DataCategory.FINANCIAL)
                        .setPurpose(AccessPurpose.REGULATORY_LOGGING))))
        .isPresent();
  }
}
