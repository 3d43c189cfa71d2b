package dev.accessaudit.replay;

import dev.accessaudit.avro.AlertStatus;
import dev.accessaudit.avro.ComplianceAlert;
import java.util.Map;

/** What an officer reading the alerts topic sees: the latest version of each alert that stands. */
final class StandingAlerts {

  private StandingAlerts() {}

  /** Keeps {@code alert} as the latest version of its alertId, or forgets it if retracted. */
  static void keepLatest(Map<String, ComplianceAlert> latest, ComplianceAlert alert) {
    if (alert.getStatus() == AlertStatus.RETRACTED) {
      latest.remove(alert.getAlertId());
    } else {
      latest.put(alert.getAlertId(), alert);
    }
  }
}
