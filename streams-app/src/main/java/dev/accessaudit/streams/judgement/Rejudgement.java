package dev.accessaudit.streams.judgement;

import dev.accessaudit.avro.AlertStatus;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.streams.rules.AccessContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Judges an access again after a late agreement or consent record changed the state in force at its
 * time, and says what changes for the officers: every alert that no longer holds is republished
 * with the same alertId and status RETRACTED, every alert that now holds is raised, and an alert
 * that holds still but reads differently (another agreement version) is republished. Only the
 * per-access rules are judged again: BULK_ACCESS counts accesses, not agreements, and stands.
 */
public final class Rejudgement {

  /** Detail of a retraction: the late record that made the alert no longer hold. */
  public static final String RETRACTED_BECAUSE = "retractedBecause";

  /** Detail of an alert raised or revised by a correction: the late record behind it. */
  public static final String CORRECTED_BY = "correctedBy";

  private final AccessJudge judge;

  public Rejudgement(AccessJudge judge) {
    this.judge = judge;
  }

  /**
   * The alerts to publish, retractions first, for an access judged {@code before}, now {@code
   * after}.
   */
  public List<ComplianceAlert> changes(
      AccessContext before, AccessContext after, String reason, Instant detectedAt) {
    Map<String, ComplianceAlert> was = byId(judge.judge(before, detectedAt));
    Map<String, ComplianceAlert> now = byId(judge.judge(after, detectedAt));
    List<ComplianceAlert> changes = new ArrayList<>();
    was.forEach(
        (id, alert) -> {
          if (!now.containsKey(id)) {
            changes.add(marked(alert, AlertStatus.RETRACTED, RETRACTED_BECAUSE, reason));
          }
        });
    now.forEach(
        (id, alert) -> {
          if (!Objects.equals(was.get(id), alert)) {
            changes.add(marked(alert, AlertStatus.RAISED, CORRECTED_BY, reason));
          }
        });
    return changes;
  }

  /**
   * Whether the alert was published by a correction (suppression lets these through as they are).
   */
  public static boolean isCorrection(ComplianceAlert alert) {
    return alert.getStatus() == AlertStatus.RETRACTED
        || alert.getDetails().containsKey(CORRECTED_BY);
  }

  private static Map<String, ComplianceAlert> byId(List<ComplianceAlert> alerts) {
    Map<String, ComplianceAlert> byId = new LinkedHashMap<>();
    alerts.forEach(a -> byId.put(a.getAlertId(), a));
    return byId;
  }

  private static ComplianceAlert marked(
      ComplianceAlert alert, AlertStatus status, String detail, String reason) {
    Map<String, String> details = new HashMap<>(alert.getDetails());
    details.put(detail, reason);
    return ComplianceAlert.newBuilder(alert).setStatus(status).setDetails(details).build();
  }
}
