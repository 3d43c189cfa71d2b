package dev.accessaudit.replay;

import dev.accessaudit.avro.AccessEvent;
import java.util.List;

/**
 * The outcome of a replay; close it to delete what it keeps on disk.
 *
 * @param request what was replayed
 * @param policyName the policy judged with, for reports
 * @param alerts the latest version of every alert raised for the period's accesses, by occurredAt
 *     then alertId, on disk
 * @param accesses the period's judged accesses by occurredAt, when the request kept them; else
 *     empty
 * @param judged the eventIds of the period's judged accesses, when the request kept them
 * @param stats counts and timing
 */
public record ReplayResult(
    ReplayRequest request,
    String policyName,
    AlertLog alerts,
    List<AccessEvent> accesses,
    JudgedEvents judged,
    ReplayStats stats)
    implements AutoCloseable {

  public ReplayResult {
    accesses = List.copyOf(accesses);
  }

  @Override
  public void close() {
    try (alerts;
        judged) {
      // closes both, the second even if the first fails
    }
  }
}
