package dev.accessaudit.replay;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** How {@code ./audit who-accessed} writes the accesses to one visitor's data. */
public enum AccessReportFormat {
  /** A header naming the visitor, period and policy, one aligned line per access, a summary. */
  TEXT {
    @Override
    public void write(ReplayResult result, PrintWriter out) {
      out.println(AccessRows.heading(result));
      out.println("Period: " + result.request().from() + " to " + result.request().to() + " (UTC)");
      out.println("Alerts judged under policy: " + result.policyName());
      out.println();
      String line = "%-20s  %-10s  %-6s  %-12s  %-19s  %-8s  %-23s  %-14s  %s%n";
      out.printf(
          line,
          "time",
          "staff",
          "office",
          "service",
          "category",
          "action",
          "purpose",
          "recipient",
          "alerts");
      for (Map<String, Object> row : AccessRows.of(result)) {
        List<?> alerts = (List<?>) row.get("alerts");
        out.printf(
            line,
            row.get("occurredAt"),
            row.get("staffId"),
            row.get("staffOffice"),
            row.get("service"),
            row.get("category"),
            row.get("action"),
            row.get("purpose"),
            row.get("recipient") == null ? "-" : row.get("recipient"),
            alerts.isEmpty()
                ? "-"
                : String.join(", ", alerts.stream().map(Object::toString).toList()));
      }
      out.println();
      out.println(AccessRows.summary(result));
      out.flush();
    }
  },
  /** One JSON object per access per line, with its alerts' rule ids. */
  JSON {
    @Override
    public void write(ReplayResult result, PrintWriter out) {
      AccessRows.of(result).forEach(row -> out.println(AlertFields.json(row)));
      out.flush();
    }
  },
  /** A header row, then one row per access; alerts separated by spaces. */
  CSV {
    @Override
    public void write(ReplayResult result, PrintWriter out) {
      Csv.row(out, AccessRows.COLUMNS);
      for (Map<String, Object> row : AccessRows.of(result)) {
        List<Object> values = new java.util.ArrayList<>(row.values());
        values.set(
            values.size() - 1,
            String.join(
                " ", ((List<?>) row.get("alerts")).stream().map(Object::toString).toList()));
        Csv.row(out, values);
      }
      out.flush();
    }
  },
  /** A self-contained HTML page with the same content as the text report. */
  HTML {
    @Override
    public void write(ReplayResult result, PrintWriter out) {
      AccessHtml.write(result, out);
    }
  };

  public abstract void write(ReplayResult result, PrintWriter out);
}
