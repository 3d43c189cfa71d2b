package dev.accessaudit.replay;

import dev.accessaudit.avro.ComplianceAlert;
import java.util.function.Consumer;

/**
 * Keeps the latest version of each alert (by alertId) that belongs to the replayed period, as a
 * consumer of the alerts topic keeping the latest record per alertId would; an alert whose latest
 * version is a retraction no longer stands and is not reported. The alerts are kept on disk ({@link
 * AlertLog}), so the heap a replay needs does not grow with its period.
 */
final class AlertCollector implements Consumer<ComplianceAlert> {

  private final ReplayRequest request;
  private final AlertLog alerts;

  AlertCollector(ReplayRequest request, AlertLog alerts) {
    this.request = request;
    this.alerts = alerts;
  }

  @Override
  public void accept(ComplianceAlert alert) {
    if (request.reports(alert)) {
      alerts.keepLatest(alert);
    }
  }
}
