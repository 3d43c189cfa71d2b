package dev.accessaudit.replay;

import static dev.accessaudit.replay.Markup.cell;
import static dev.accessaudit.replay.Markup.escape;

import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.streams.rules.Describe;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The replay as one self-contained XHTML file an auditor can open or mail: a title naming period,
 * policy and filters, the replay's counts, a table of alerts per rule and severity, an SVG chart of
 * alerts per day, and the alert list. Inline CSS and SVG only: no script, no external resource. All
 * content is escaped, and the file is well-formed XML.
 */
final class HtmlReport {

  /** Alert rows listed at most; the rest are counted, and the JSON or CSV output has them all. */
  static final int MAX_ROWS = 5_000;

  private HtmlReport() {}

  static void write(ReplayResult result, PrintWriter out) {
    String title = Reports.title("Access audit replay", result);
    out.println("<!DOCTYPE html>");
    out.println("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">");
    out.println("<head><meta charset=\"UTF-8\"/><title>" + escape(title) + "</title>");
    out.println("<style>" + Reports.CSS + "</style></head>");
    out.println("<body><h1>" + escape(title) + "</h1>");
    out.println("<p class=\"meta\">" + escape(Reports.subtitle(result)) + "</p>");
    out.println("<p class=\"meta\">" + escape(result.stats().summary()) + "</p>");
    summary(result.alerts(), out);
    out.println("<h2>Alerts per day (UTC)</h2>");
    out.println(DayChart.svg(DayChart.perDay(result.request(), result.alerts())));
    list(result.alerts(), out);
    out.println("</body></html>");
    out.flush();
  }

  private static void summary(AlertLog alerts, PrintWriter out) {
    Map<String, RuleTally> tallies = new TreeMap<>();
    for (ComplianceAlert a : alerts) {
      String key = a.getRuleId() + '\u0000' + a.getSeverity();
      tallies.computeIfAbsent(key, k -> new RuleTally(a.getRuleId(), a.getSeverity())).add(a);
    }
    out.println("<h2>Alerts per rule and severity</h2>");
    out.println("<table class=\"summary\"><thead><tr><th>Rule</th><th>Severity</th>");
    out.println("<th>Alerts</th><th>Staff members</th><th>Visitors</th></tr></thead><tbody>");
    for (RuleTally t : tallies.values()) {
      out.println(
          "<tr>"
              + cell(t.rule())
              + cell("sev " + t.severity(), t.severity())
              + cell("num", t.alerts())
              + cell("num", t.staff().size())
              + cell("num", t.visitors().size())
              + "</tr>");
    }
    out.printf(
        Locale.ROOT,
        "<tr class=\"total\"><td>Total</td><td></td>%s<td></td><td></td></tr>%n",
        cell("num", alerts.size()));
    out.println("</tbody></table>");
  }

  /** E.g. "view contact info for customer contact". */
  private static String access(ComplianceAlert a) {
    return Describe.words(a.getAction().name())
        + " "
        + Describe.words(a.getCategory().name())
        + " for "
        + Describe.words(a.getPurpose().name());
  }

  private static void list(AlertLog alerts, PrintWriter out) {
    out.println("<h2>Alerts</h2>");
    out.println("<table class=\"alerts\"><thead><tr><th>Occurred (UTC)</th><th>Severity</th>");
    out.println("<th>Rule</th><th>Staff</th><th>Visitor</th><th>Service</th><th>Access</th>");
    out.println("<th>Summary</th><th>Policy</th><th>Alert id</th></tr></thead><tbody>");
    try (Stream<ComplianceAlert> listed = alerts.stream().limit(MAX_ROWS)) {
      listed.forEach(a -> row(a, out));
    }
    out.println("</tbody></table>");
    if (alerts.size() > MAX_ROWS) {
      out.printf(
          Locale.ROOT,
          "<p class=\"meta\">%d more alerts are not listed here; --format json or csv lists them"
              + " all.</p>%n",
          alerts.size() - MAX_ROWS);
    }
  }

  private static void row(ComplianceAlert a, PrintWriter out) {
    out.println(
        "<tr>"
            + cell(a.getOccurredAt().truncatedTo(ChronoUnit.SECONDS))
            + cell("sev " + a.getSeverity(), a.getSeverity())
            + cell(a.getRuleId())
            + cell(a.getStaffId())
            + cell(a.getVisitorId())
            + cell(a.getService())
            + cell(access(a))
            + cell(a.getSummary())
            + cell(a.getPolicyVersion())
            + cell("id", a.getAlertId())
            + "</tr>");
  }
}
