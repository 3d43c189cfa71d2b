package dev.accessaudit.streams.rules.agreement;

import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.streams.rules.AccessContext;
import dev.accessaudit.streams.rules.Describe;
import dev.accessaudit.streams.rules.Rule;
import dev.accessaudit.streams.rules.Violation;
import java.time.Instant;
import java.util.Optional;

/**
 * AGREEMENT_EXPIRED: the agreement in force is EXPIRED, or ACTIVE with an {@code expiresAt} at or
 * before the access time.
 */
public final class AgreementExpiredRule implements Rule {

  public static final String ID = "AGREEMENT_EXPIRED";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<Violation> check(AccessContext access) {
    if (access.agreementIs(AgreementStatus.EXPIRED)) {
      return Optional.of(violation(access, access.agreement().getEffectiveFrom()));
    }
    Instant expiresAt = access.agreement() == null ? null : access.agreement().getExpiresAt();
    if (access.agreementIs(AgreementStatus.ACTIVE)
        && expiresAt != null
        && expiresAt.toEpochMilli() <= access.occurredAt()) {
      return Optional.of(violation(access, expiresAt));
    }
    return Optional.empty();
  }

  private static Violation violation(AccessContext access, Instant expiredAt) {
    return Violation.of(
        Describe.access(access.event())
            + " after their confidentiality agreement expired on "
            + expiredAt
            + ".");
  }
}
