package dev.accessaudit.streams.rules.agreement;

import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.streams.rules.AccessContext;
import dev.accessaudit.streams.rules.Describe;
import dev.accessaudit.streams.rules.Rule;
import dev.accessaudit.streams.rules.Violation;
import java.util.Optional;

/** AGREEMENT_REVOKED: the staff member's agreement was revoked at the access time. */
public final class AgreementRevokedRule implements Rule {

  public static final String ID = "AGREEMENT_REVOKED";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<Violation> check(AccessContext access) {
    if (!access.agreementIs(AgreementStatus.REVOKED)) {
      return Optional.empty();
    }
    return Optional.of(
        Violation.of(
            Describe.access(access.event())
                + " after their confidentiality agreement was revoked on "
                + access.agreement().getEffectiveFrom()
                + "."));
  }
}
