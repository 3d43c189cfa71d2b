package dev.accessaudit.streams.rules.staff;

import static dev.accessaudit.streams.rules.fixtures.Accesses.anAccessEvent;
import static dev.accessaudit.streams.rules.fixtures.Accesses.anAgreement;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.EmploymentType;
import dev.accessaudit.streams.rules.AccessContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NonEmployeeAccessRuleTest {

  private final NonEmployeeAccessRule rule = NonEmployeeAccessRule.withDefaults();

  private static AccessContext by(EmploymentType employment) {
    return AccessContext.of(
        anAccessEvent().build(), anAgreement().setEmployment(employment).build());
  }

  @ParameterizedTest
  @EnumSource(
      value = EmploymentType.class,
      names = {"CONTRACTOR", "VENDOR"})
  void shouldRaiseForStaffWhoAreNotEmployees(EmploymentType employment) {
    var violation = rule.check(by(employment));

    assertThat(violation).isPresent();
    assertThat(violation.get().summary()).contains("not an internal employee");
    assertThat(violation.get().details()).containsEntry("employment", employment.name());
  }

  @ParameterizedTest
  @EnumSource(
      value = EmploymentType.class,
      names = {"EMPLOYEE", "UNKNOWN"})
  void shouldNotRaiseForEmployeesOrUnknownEmployment(EmploymentType employment) {
    assertThat(rule.check(by(employment))).isEmpty();
  }

  @Test
  void shouldNotRaiseWithoutAgreementOnRecord() {
    assertThat(rule.check(AccessContext.of(anAccessEvent().build(), null))).isEmpty();
  }
}
