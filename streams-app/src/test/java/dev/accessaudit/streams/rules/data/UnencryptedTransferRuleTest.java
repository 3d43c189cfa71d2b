package dev.accessaudit.streams.rules.data;

import static dev.accessaudit.streams.rules.fixtures.Accesses.anAccessEvent;
import static dev.accessaudit.streams.rules.fixtures.Accesses.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.AccessAction;
import dev.accessaudit.avro.DataCategory;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class UnencryptedTransferRuleTest {

  private final UnencryptedTransferRule rule = UnencryptedTransferRule.withDefaults();

  @ParameterizedTest
  @EnumSource(
      value = AccessAction.class,
      names = {"EXPORT", "DISCLOSE"})
  void shouldRaiseWhenDataMovesUnencrypted(AccessAction action) {
    var violation =
        rule.check(context(anAccessEvent().setAction(action).setEncryptedInTransit(false)));

    assertThat(violation).hasValueSatisfying(v -> assertThat(v.summary()).contains("without"));
  }

  @ParameterizedTest
  @EnumSource(
      value = AccessAction.class,
      names = {"EXPORT", "DISCLOSE"})
  void shouldNotRaiseWhenEncrypted(AccessAction action) {
    assertThat(rule.check(context(anAccessEvent().setAction(action).setEncryptedInTransit(true))))
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(
      value = AccessAction.class,
      names = {"VIEW", "MODIFY", "DELETE", "UNKNOWN"})
  void shouldNotRaiseWhenNothingMoves(AccessAction action) {
    assertThat(rule.check(context(anAccessEvent().setAction(action).setEncryptedInTransit(false))))
        .isEmpty();
  }

  @Test
  void shouldOnlyCoverConfiguredCategories() {
    var financialOnly =
        new UnencryptedTransferRule(
            EnumSet.of(AccessAction.EXPORT), EnumSet.of(DataCategory.FINANCIAL));
    var export = anAccessEvent().setAction(AccessAction.EXPORT).setEncryptedInTransit(false);

    assertThat(financialOnly.check(context(export))).isEmpty();
    assertThat(financialOnly.check(context(export.setCategory(DataCategory.FINANCIAL))))
        .isPresent();
  }
}
