package dev.accessaudit.producers.simulator;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.avro.VisitorConsent;
import java.time.Instant;
import java.util.Set;

/**
 * One record of simulated traffic, in the order a publisher should send it: agreements and consents
 * before the events they govern, except agreements deliberately sent {@code late}.
 */
public sealed interface SimulatedRecord {

  /** The record's time: occurredAt or effectiveFrom, also its Kafka record timestamp. */
  Instant time();

  /**
   * A new version of a staff member's agreement.
   *
   * @param late true when it is sent after access events that it already governs
   */
  record AgreementSet(StaffAgreement agreement, boolean late) implements SimulatedRecord {
    @Override
    public Instant time() {
      return agreement.getEffectiveFrom();
    }
  }

  /**
   * A tombstone: no agreement on record for {@code staffId} from {@code from} on.
   *
   * @param late true when it is sent after access events that it already governs
   */
  record AgreementRemoved(String staffId, Instant from, boolean late) implements SimulatedRecord {
    @Override
    public Instant time() {
      return from;
    }
  }

  /** A visitor's marketing choice. */
  record ConsentSet(VisitorConsent consent) implements SimulatedRecord {
    @Override
    public Instant time() {
      return consent.getEffectiveFrom();
    }
  }

  /**
   * An access with its ground truth.
   *
   * @param expectedRuleIds exactly the ruleIds the default policy must raise for it; empty when the
   *     access is compliant
   * @param lateAgreement true when the agreement that governs it is sent after it (within the
   *     simulator's maximum agreement delay of simulated time)
   */
  record Access(AccessEvent event, Set<String> expectedRuleIds, boolean lateAgreement)
      implements SimulatedRecord {

    public Access {
      expectedRuleIds = Set.copyOf(expectedRuleIds);
    }

    @Override
    public Instant time() {
      return event.getOccurredAt();
    }

    /** Whether the access must raise at least one alert. */
    public boolean violation() {
      return !expectedRuleIds.isEmpty();
    }
  }
}
