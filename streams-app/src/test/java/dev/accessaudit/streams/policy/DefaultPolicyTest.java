package dev.accessaudit.streams.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultPolicyTest {

  private final Policy policy = PolicyFile.defaultPolicy();

  @Test
  void shouldShipVersions2005And2009() {
    assertThat(policy.versions())
        .extracting(PolicyVersion::name, PolicyVersion::effectiveFrom)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2005", Instant.parse("2005-12-19T00:00:00Z")),
            org.assertj.core.groups.Tuple.tuple("2009", Instant.parse("2009-01-01T00:00:00Z")));
  }

  @Test
  void shouldSwitchVersionsAtTheBoundary() {
    assertThat(policy.versionAt(Instant.parse("2008-12-31T23:59:59.999Z")).name())
        .isEqualTo("2005");
    assertThat(policy.versionAt(Instant.parse("2009-01-01T00:00:00Z")).name()).isEqualTo("2009");
  }

  @Test
  void shouldHaveEveryBuiltInRuleInSomeVersion() {
    List<String> ids =
        policy.versions().stream()
            .flatMap(v -> v.rules().stream())
            .map(PolicyRule::ruleId)
            .distinct()
            .toList();

    assertThat(ids).containsExactlyInAnyOrderElementsOf(BuiltInRules.ids());
  }

  @Test
  void shouldKeepNonEmployeeAccessIn2005AndRegionRestrictionIn2009Only() {
    PolicyVersion v2005 = policy.versions().get(0);
    PolicyVersion v2009 = policy.versions().get(1);

    assertThat(v2005.rule("NON_EMPLOYEE_ACCESS")).isPresent();
    assertThat(v2009.rule("NON_EMPLOYEE_ACCESS")).isEmpty();
    assertThat(v2005.rule("REGION_RESTRICTED_DATA")).isEmpty();
    assertThat(v2009.rule("REGION_RESTRICTED_DATA")).isPresent();
  }

  @Test
  void shouldUseTheContractSeveritiesForAgreementRules() {
    for (PolicyVersion version : policy.versions()) {
      assertThat(version.rule("AGREEMENT_MISSING").orElseThrow().severity())
          .isEqualTo(Severity.CRITICAL);
      assertThat(version.rule("AGREEMENT_REVOKED").orElseThrow().severity())
          .isEqualTo(Severity.CRITICAL);
      assertThat(version.rule("AGREEMENT_EXPIRED").orElseThrow().severity())
          .isEqualTo(Severity.HIGH);
      assertThat(version.rule("AGREEMENT_PENDING").orElseThrow().severity())
          .isEqualTo(Severity.HIGH);
    }
  }

  @Test
  void shouldPassEveryShippedPolicyTest() {
    List<PolicyTestResult> results =
        new PolicyTestRunner(policy).run(PolicyTestFile.defaultTests().cases());

    assertThat(results).hasSizeGreaterThan(30);
    assertThat(results.stream().filter(r -> !r.passed()))
        .as("failing shipped policy tests")
        .isEmpty();
  }

  @Test
  void shouldTestEveryRulePositivelyAndNegatively() {
    var cases = PolicyTestFile.defaultTests().cases();
    for (String id : BuiltInRules.ids()) {
      assertThat(cases).as("a case that raises " + id).anyMatch(c -> raises(c).contains(id));
      assertThat(cases)
          .as("a case that must not raise " + id)
          .anyMatch(c -> c.expected().doesNotRaise().contains(id) || exactlyWithout(c, id));
    }
  }

  private static List<String> raises(PolicyTestCase c) {
    return c.expected().raisesExactly().orElse(c.expected().raises());
  }

  private static boolean exactlyWithout(PolicyTestCase c, String id) {
    return c.expected().raisesExactly().map(ids -> !ids.contains(id)).orElse(false)
        && (c.access() != null) != id.equals("BULK_ACCESS");
  }
}
