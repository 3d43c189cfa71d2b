package dev.accessaudit.streams.rules.agreement;

import static dev.accessaudit.streams.AuditFixtures.T0;
import static dev.accessaudit.streams.AuditFixtures.anAccessEvent;
import static dev.accessaudit.streams.AuditFixtures.anAgreement;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.streams.rules.AccessContext;
import dev.accessaudit.streams.rules.Rule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each agreement state raises exactly one agreement rule, or none when the agreement is in force.
 */
class AgreementRulesTest {

  private static final List<Rule> RULES =
      List.of(
          new AgreementMissingRule(),
          new AgreementRevokedRule(),
          new AgreementExpiredRule(),
          new AgreementPendingRule());

  private static List<String> firing(StaffAgreement agreement) {
    AccessContext access = AccessContext.of(anAccessEvent().build(), agreement);
    return RULES.stream().filter(r -> r.check(access).isPresent()).map(Rule::id).toList();
  }

  static Stream<Arguments> states() {
    return Stream.of(
        Arguments.of(AgreementStatus.ACTIVE, null),
        Arguments.of(AgreementStatus.REVOKED, "AGREEMENT_REVOKED"),
        Arguments.of(AgreementStatus.EXPIRED, "AGREEMENT_EXPIRED"),
        Arguments.of(AgreementStatus.PENDING, "AGREEMENT_PENDING"),
        Arguments.of(AgreementStatus.UNKNOWN, "AGREEMENT_MISSING"));
  }

  @ParameterizedTest
  @MethodSource("states")
  void shouldRaiseExactlyTheRuleOfTheStatusInForce(AgreementStatus status, String expected) {
    List<String> fired = firing(anAgreement(status, T0.minusSeconds(60)).build());

    assertThat(fired).isEqualTo(expected == null ? List.of() : List.of(expected));
  }

  @Test
  void shouldRaiseMissingWhenNoAgreement() {
    assertThat(firing(null)).containsExactly("AGREEMENT_MISSING");
  }

  @Test
  void shouldRaiseExpiredWhenExpiryEqualsAccessTime() {
    assertThat(
            firing(
                anAgreement(AgreementStatus.ACTIVE, T0.minusSeconds(60)).setExpiresAt(T0).build()))
        .containsExactly("AGREEMENT_EXPIRED");
  }

  @Test
  void shouldRaiseNothingWhenExpiryJustAfterAccessTime() {
    assertThat(
            firing(
                anAgreement(AgreementStatus.ACTIVE, T0.minusSeconds(60))
                    .setExpiresAt(T0.plusMillis(1))
                    .build()))
        .isEmpty();
  }

  @Test
  void shouldIgnoreExpiryOfRevokedAgreement() {
    assertThat(
            firing(
                anAgreement(AgreementStatus.REVOKED, T0.minusSeconds(60))
                    .setExpiresAt(T0.minusSeconds(30))
                    .build()))
        .containsExactly("AGREEMENT_REVOKED");
  }
}
