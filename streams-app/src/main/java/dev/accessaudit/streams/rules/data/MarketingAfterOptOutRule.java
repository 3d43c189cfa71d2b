package dev.accessaudit.streams.rules.data;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.DataCategory;
import dev.accessaudit.streams.rules.AccessContext;
import dev.accessaudit.streams.rules.Describe;
import dev.accessaudit.streams.rules.Rule;
import dev.accessaudit.streams.rules.Violation;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * MARKETING_AFTER_OPT_OUT: contact information used for marketing while the visitor had opted out
 * of marketing mailings at the access time (the consent in force at {@code occurredAt}). Only
 * CONTACT_INFO + MARKETING accesses need the consent look-up.
 */
public final class MarketingAfterOptOutRule implements Rule {

  public static final String ID = "MARKETING_AFTER_OPT_OUT";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public boolean needsConsent(AccessEvent event) {
    return event.getCategory() == DataCategory.CONTACT_INFO
        && event.getPurpose() == AccessPurpose.MARKETING;
  }

  @Override
  public Optional<Violation> check(AccessContext access) {
    if (!needsConsent(access.event()) || !access.visitorOptedOut()) {
      return Optional.empty();
    }
    Map<String, String> details = new HashMap<>();
    details.put("optedOutAt", access.consent().getEffectiveFrom().toString());
    if (access.consent().getChannel() != null) {
      details.put("optOutChannel", access.consent().getChannel());
    }
    return Optional.of(
        new Violation(
            Describe.access(access.event())
                + " for marketing after the visitor opted out on "
                + access.consent().getEffectiveFrom()
                + ".",
            details));
  }
}
