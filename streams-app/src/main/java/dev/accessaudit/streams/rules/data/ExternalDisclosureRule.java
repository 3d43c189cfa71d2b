package dev.accessaudit.streams.rules.data;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.streams.rules.AccessContext;
import dev.accessaudit.streams.rules.Describe;
import dev.accessaudit.streams.rules.Rule;
import dev.accessaudit.streams.rules.Violation;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * EXTERNAL_DISCLOSURE: visitor data released to an organisation outside the company, i.e. an access
 * with a non-blank {@code recipient}. Recipients listed as part of the company (compared without
 * regard to case) are not outside it.
 */
public final class ExternalDisclosureRule implements Rule {

  public static final String ID = "EXTERNAL_DISCLOSURE";

  private final Set<String> internalRecipients;

  /**
   * @param internalRecipients recipient names that belong to the company itself
   */
  public ExternalDisclosureRule(Set<String> internalRecipients) {
    this.internalRecipients =
        internalRecipients.stream()
            .map(ExternalDisclosureRule::normalise)
            .collect(Collectors.toUnmodifiableSet());
  }

  /** Every non-blank recipient is outside the company. */
  public static ExternalDisclosureRule withDefaults() {
    return new ExternalDisclosureRule(Set.of());
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<Violation> check(AccessContext access) {
    AccessEvent event = access.event();
    String recipient = event.getRecipient();
    if (Text.isBlank(recipient) || internalRecipients.contains(normalise(recipient))) {
      return Optional.empty();
    }
    return Optional.of(
        new Violation(
            Describe.access(event)
                + " and released it to "
                + recipient.trim()
                + ", outside the company.",
            Map.of("recipient", recipient)));
  }

  private static String normalise(String name) {
    return name.trim().toLowerCase(Locale.ROOT);
  }
}
