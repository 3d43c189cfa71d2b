package dev.accessaudit.replay;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.ComplianceAlert;
import java.util.List;

/**
 * The outcome of a replay.
 *
 * @param request what was replayed
 * @param policyName the policy judged with, for reports
 * @param alerts the latest version of every alert raised for the period's accesses, by occurredAt
 *     then alertId
 * @param accesses the period's judged accesses by occurredAt, when the request kept them; else
 *     empty
 * @param stats counts and timing
 */
public record ReplayResult(
    ReplayRequest request,
    String policyName,
    List<ComplianceAlert> alerts,
    List<AccessEvent> accesses,
    ReplayStats stats) {

  public ReplayResult {
    alerts = List.copyOf(alerts);
    accesses = List.copyOf(accesses);
  }
}
