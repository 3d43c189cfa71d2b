package dev.accessaudit.streams.rules.data;

import static dev.accessaudit.streams.rules.fixtures.Accesses.anAccessEvent;
import static dev.accessaudit.streams.rules.fixtures.Accesses.anAgreement;
import static dev.accessaudit.streams.rules.fixtures.Accesses.optOut;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.DataCategory;
import dev.accessaudit.avro.VisitorConsent;
import dev.accessaudit.streams.rules.AccessContext;
import org.junit.jupiter.api.Test;

class MarketingAfterOptOutRuleTest {

  private final MarketingAfterOptOutRule rule = new MarketingAfterOptOutRule();

  private static AccessContext access(AccessEvent.Builder event, VisitorConsent consent) {
    return new AccessContext(event.build(), anAgreement().build(), consent);
  }

  @Test
  void shouldRaiseWhenMarketingToAVisitorWhoOptedOut() {
    var violation =
        rule.check(access(anAccessEvent().setPurpose(AccessPurpose.MARKETING), optOut(true)));

    assertThat(violation).isPresent();
    assertThat(violation.get().summary()).contains("opted out on 2010-02-01");
    assertThat(violation.get().details()).containsKey("optedOutAt");
  }

  @Test
  void shouldNotRaiseWhenTheVisitorDidNotOptOut() {
    assertThat(
            rule.check(access(anAccessEvent().setPurpose(AccessPurpose.MARKETING), optOut(false))))
        .isEmpty();
  }

  @Test
  void shouldNotRaiseWithoutConsentRecord() {
    assertThat(rule.check(access(anAccessEvent().setPurpose(AccessPurpose.MARKETING), null)))
        .isEmpty();
  }

  @Test
  void shouldNotRaiseForOtherPurposesAfterOptOut() {
    assertThat(
            rule.check(
                access(anAccessEvent().setPurpose(AccessPurpose.CUSTOMER_CONTACT), optOut(true))))
        .isEmpty();
  }

  @Test
  void shouldNeedConsentExactlyForContactInfoUsedForMarketing() {
    assertThat(rule.needsConsent(anAccessEvent().setPurpose(AccessPurpose.MARKETING).build()))
        .isTrue();
    assertThat(rule.needsConsent(anAccessEvent().build())).isFalse();
    assertThat(
            rule.needsConsent(
                anAccessEvent()
                    .setCategory(DataCategory.COOKIE)
                    .setPurpose(AccessPurpose.MARKETING)
                    .build()))
        .isFalse();
  }
}
