package dev.accessaudit.streams.rules.agreement;

import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.streams.rules.AccessContext;
import dev.accessaudit.streams.rules.Describe;
import dev.accessaudit.streams.rules.Rule;
import dev.accessaudit.streams.rules.Violation;
import java.util.Optional;

/** AGREEMENT_PENDING: the agreement was not yet in force (still PENDING) at the access time. */
public final class AgreementPendingRule implements Rule {

  public static final String ID = "AGREEMENT_PENDING";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<Violation> check(AccessContext access) {
    if (!access.agreementIs(AgreementStatus.PENDING)) {
      return Optional.empty();
    }
    return Optional.of(
        Violation.of(
            Describe.access(access.event())
                + " while their confidentiality agreement was still pending signature."));
  }
}
