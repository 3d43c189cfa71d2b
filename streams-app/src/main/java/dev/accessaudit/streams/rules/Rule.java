package dev.accessaudit.streams.rules;

import dev.accessaudit.avro.AccessEvent;
import java.util.Optional;

/**
 * One promise of a privacy policy, checked against a single access. Implementations are pure and
 * immutable: the same context always gives the same answer, which is what makes replays agree with
 * the live pipeline.
 */
public interface Rule {

  /** The contract's rule id, e.g. {@code AGREEMENT_REVOKED}. */
  String id();

  /** The violation this access commits, or empty when it complies with this rule. */
  Optional<Violation> check(AccessContext access);

  /**
   * Whether this rule could flag the event only once the visitor's consent is known. Events for
   * which no rule answers true skip the consent look-up (and its repartition).
   */
  default boolean needsConsent(AccessEvent event) {
    return false;
  }
}
