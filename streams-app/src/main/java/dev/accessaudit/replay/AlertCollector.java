package dev.accessaudit.replay;

import dev.accessaudit.avro.ComplianceAlert;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Keeps the latest version of each alert (by alertId) that belongs to the replayed period, as a
 * consumer of the alerts topic keeping the latest record per alertId would; an alert whose latest
 * version is a retraction no longer stands and is not reported.
 */
final class AlertCollector implements Consumer<ComplianceAlert> {

  /** The order of alerts in every report: by access time, then alertId. */
  static final Comparator<ComplianceAlert> REPORT_ORDER =
      Comparator.comparing(ComplianceAlert::getOccurredAt)
          .thenComparing(ComplianceAlert::getAlertId);

  private final ReplayRequest request;
  private final Map<String, ComplianceAlert> latest = new HashMap<>();

  AlertCollector(ReplayRequest request) {
    this.request = request;
  }

  @Override
  public void accept(ComplianceAlert alert) {
    if (request.reports(alert)) {
      StandingAlerts.keepLatest(latest, alert);
    }
  }

  List<ComplianceAlert> alerts() {
    return latest.values().stream().sorted(REPORT_ORDER).toList();
  }
}
