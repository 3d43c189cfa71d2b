package dev.accessaudit.streams.rules.agreement;

import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.streams.rules.AccessContext;
import dev.accessaudit.streams.rules.Describe;
import dev.accessaudit.streams.rules.Rule;
import dev.accessaudit.streams.rules.Violation;
import java.util.Optional;

/**
 * AGREEMENT_MISSING: no confidentiality agreement on record at the access time: never any, a
 * tombstone, or status UNKNOWN.
 */
public final class AgreementMissingRule implements Rule {

  public static final String ID = "AGREEMENT_MISSING";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<Violation> check(AccessContext access) {
    if (access.agreement() != null && !access.agreementIs(AgreementStatus.UNKNOWN)) {
      return Optional.empty();
    }
    return Optional.of(
        Violation.of(
            Describe.access(access.event())
                + " with no confidentiality agreement on record at the time."));
  }
}
