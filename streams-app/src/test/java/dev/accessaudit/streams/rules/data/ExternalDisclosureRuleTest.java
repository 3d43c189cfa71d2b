package dev.accessaudit.streams.rules.data;

import static dev.accessaudit.streams.rules.fixtures.Accesses.anAccessEvent;
import static dev.accessaudit.streams.rules.fixtures.Accesses.context;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.AccessAction;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExternalDisclosureRuleTest {

  private final ExternalDisclosureRule rule = ExternalDisclosureRule.withDefaults();

  @Test
  void shouldRaiseWhenDataIsReleasedToAnOutsideRecipient() {
    var violation =
        rule.check(
            context(anAccessEvent().setAction(AccessAction.DISCLOSE).setRecipient("Acme Ltd")));

    assertThat(violation).isPresent();
    assertThat(violation.get().summary()).contains("released it to Acme Ltd");
    assertThat(violation.get().details()).containsEntry("recipient", "Acme Ltd");
  }

  @Test
  void shouldNotRaiseWithoutRecipient() {
    assertThat(rule.check(context(anAccessEvent().setRecipient(null)))).isEmpty();
  }

  @Test
  void shouldNotRaiseForBlankRecipient() {
    assertThat(rule.check(context(anAccessEvent().setRecipient("  ")))).isEmpty();
  }

  @Test
  void shouldNotRaiseForRecipientsListedAsPartOfTheCompany() {
    var rule = new ExternalDisclosureRule(Set.of("Rackspace Ltd"));

    assertThat(rule.check(context(anAccessEvent().setRecipient(" rackspace ltd")))).isEmpty();
    assertThat(rule.check(context(anAccessEvent().setRecipient("Acme Ltd")))).isPresent();
  }
}
