package dev.accessaudit.streams.rules.data;

import static dev.accessaudit.streams.rules.fixtures.Accesses.anAccessEvent;
import static dev.accessaudit.streams.rules.fixtures.Accesses.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.DataCategory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IpAddressMisuseRuleTest {

  private final IpAddressMisuseRule rule = IpAddressMisuseRule.withDefaults();

  @ParameterizedTest
  @EnumSource(
      value = AccessPurpose.class,
      names = {"SERVER_DIAGNOSTICS", "SITE_ADMINISTRATION"},
      mode = EnumSource.Mode.EXCLUDE)
  void shouldRaiseWhenIpAddressesAreUsedForAnythingElse(AccessPurpose purpose) {
    var violation =
        rule.check(
            context(anAccessEvent().setCategory(DataCategory.IP_ADDRESS).setPurpose(purpose)));

    assertThat(violation).isPresent();
    assertThat(violation.get().details()).containsEntry("purpose", purpose.name());
  }

  @ParameterizedTest
  @EnumSource(
      value = AccessPurpose.class,
      names = {"SERVER_DIAGNOSTICS", "SITE_ADMINISTRATION"})
  void shouldNotRaiseForDiagnosticsOrAdministration(AccessPurpose purpose) {
    assertThat(
            rule.check(
                context(anAccessEvent().setCategory(DataCategory.IP_ADDRESS).setPurpose(purpose))))
        .isEmpty();
  }

  @ParameterizedTest
  @EnumSource(value = DataCategory.class, names = "IP_ADDRESS", mode = EnumSource.Mode.EXCLUDE)
  void shouldNotRaiseForOtherCategories(DataCategory category) {
    assertThat(
            rule.check(
                context(
                    anAccessEvent().setCategory(category).setPurpose(AccessPurpose.ADVERTISING))))
        .isEmpty();
  }
}
