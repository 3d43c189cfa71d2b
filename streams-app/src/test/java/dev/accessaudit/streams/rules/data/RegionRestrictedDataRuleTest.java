package dev.accessaudit.streams.rules.data;

import static dev.accessaudit.streams.rules.fixtures.Accesses.anAccessEvent;
import static dev.accessaudit.streams.rules.fixtures.Accesses.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.DataCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RegionRestrictedDataRuleTest {

  private final RegionRestrictedDataRule rule = RegionRestrictedDataRule.withDefaults();

  @ParameterizedTest
  @EnumSource(
      value = DataCategory.class,
      names = {"LIVE_CHAT", "TELEPHONE_RECORDING"})
  void shouldRaiseWhenUkOnlyDataIsTouchedFromAnotherOffice(DataCategory category) {
    var violation = rule.check(context(anAccessEvent().setCategory(category).setStaffOffice("US")));

    assertThat(violation).isPresent();
    assertThat(violation.get().summary()).contains("office in US", "GB offices only");
    assertThat(violation.get().details()).containsEntry("staffOffice", "US");
  }

  @ParameterizedTest
  @EnumSource(
      value = DataCategory.class,
      names = {"LIVE_CHAT", "TELEPHONE_RECORDING"})
  void shouldNotRaiseForUkStaff(DataCategory category) {
    assertThat(rule.check(context(anAccessEvent().setCategory(category).setStaffOffice("GB"))))
        .isEmpty();
  }

  @Test
  void shouldCompareOfficesWithoutRegardToCase() {
    assertThat(
            rule.check(
                context(anAccessEvent().setCategory(DataCategory.LIVE_CHAT).setStaffOffice("gb"))))
        .isEmpty();
  }

  @Test
  void shouldNotRaiseForOtherCategoriesAbroad() {
    assertThat(
            rule.check(
                context(
                    anAccessEvent().setCategory(DataCategory.CONTACT_INFO).setStaffOffice("US"))))
        .isEmpty();
  }
}
