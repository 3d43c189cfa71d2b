package dev.accessaudit.replay;

import java.util.ArrayList;
import java.util.List;

/** What every report says about a replay: its title, its filters, and the HTML styling. */
final class Reports {

  static final String CSS =
      "body{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;"
          + "margin:2em;color:#1d2733}"
          + "h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.15em;margin-top:1.6em}"
          + ".meta{color:#4a5868;margin:.2em 0}"
          + "table{border-collapse:collapse;font-size:.85em}"
          + "th,td{border:1px solid #cdd5df;padding:4px 8px;text-align:left;vertical-align:top}"
          + "th{background:#eef2f6}.num{text-align:right}.total td{font-weight:bold}"
          + ".id{font-family:monospace;font-size:.85em;color:#4a5868;word-break:break-all;"
          + "min-width:6em}"
          + "table.alerts{font-size:.78em}"
          + ".alerts td:first-child,.alerts td:nth-child(4),.alerts td:nth-child(5)"
          + "{white-space:nowrap}"
          + ".alerts td:nth-child(8){min-width:14em}"
          + ".sev.CRITICAL{color:#fff;background:#b3261e}.sev.HIGH{background:#f4b183}"
          + ".sev.MEDIUM{background:#ffe699}.sev.LOW{background:#d9ead3}"
          + "svg .bar{fill:#3a6ea5}svg .axis{stroke:#4a5868}"
          + "svg text{font-size:11px;fill:#4a5868}";

  private Reports() {}

  /** E.g. "Access audit replay, 2026-03-01T00:00:00Z to 2026-03-02T00:00:00Z". */
  static String title(String what, ReplayResult result) {
    return what + ", " + result.request().from() + " to " + result.request().to();
  }

  /** E.g. "Policy: default. Filters: staff s-0001." */
  static String subtitle(ReplayResult result) {
    return "Policy: " + result.policyName() + ". Filters: " + filters(result.request()) + ".";
  }

  static String filters(ReplayRequest request) {
    List<String> filters = new ArrayList<>();
    request.staffId().ifPresent(s -> filters.add("staff " + s));
    request.visitorId().ifPresent(v -> filters.add("visitor " + v));
    return filters.isEmpty() ? "none" : String.join(", ", filters);
  }
}
