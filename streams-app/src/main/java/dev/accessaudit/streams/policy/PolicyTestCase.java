package dev.accessaudit.streams.policy;

import dev.accessaudit.streams.rules.AccessContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One case of a policy test file: an access (with the agreement and consent in force at its time)
 * or, for {@code type: bulk}, one staff member's count of distinct visitors in one window; and what
 * the policy must raise for it.
 *
 * @param name what the case shows
 * @param line where the case starts in its file
 * @param access the access to judge; null for a bulk case
 * @param bulk the window count to judge; null for an access case
 * @param expected the rule ids expected
 */
public record PolicyTestCase(
    String name, int line, AccessContext access, BulkCount bulk, Expectations expected) {

  /** When the case happens: the access's occurredAt or the window's start. */
  public Instant at() {
    return access != null ? access.event().getOccurredAt() : bulk.windowStart();
  }

  /**
   * A bulk case: {@code distinctVisitors} touched by {@code staffId} in the window from {@code
   * windowStart}.
   */
  public record BulkCount(String staffId, int distinctVisitors, Instant windowStart) {}

  /**
   * What a case expects.
   *
   * @param raises rule ids that must be among those raised
   * @param doesNotRaise rule ids that must not be raised
   * @param raisesExactly when present, the exact set of rule ids raised
   * @param policyVersion when present, the version that must be in force
   */
  public record Expectations(
      List<String> raises,
      List<String> doesNotRaise,
      Optional<List<String>> raisesExactly,
      Optional<String> policyVersion) {

    public Expectations {
      raises = List.copyOf(raises);
      doesNotRaise = List.copyOf(doesNotRaise);
    }
  }
}
