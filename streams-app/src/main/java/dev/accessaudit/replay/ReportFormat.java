package dev.accessaudit.replay;

import dev.accessaudit.avro.ComplianceAlert;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How {@code ./audit replay} writes the alerts of a replay. */
public enum ReportFormat {
  /** One JSON object per alert per line, every field of the contract. */
  JSON {
    @Override
    public void write(ReplayResult result, PrintWriter out) {
      for (ComplianceAlert alert : result.alerts()) {
        out.println(AlertFields.json(AlertFields.of(alert)));
      }
      out.flush();
    }
  },
  /** A header row of the contract's field names, then one row per alert. */
  CSV {
    @Override
    public void write(ReplayResult result, PrintWriter out) {
      List<String> header =
          ComplianceAlert.getClassSchema().getFields().stream().map(f -> f.name()).toList();
      Csv.row(out, header);
      for (ComplianceAlert alert : result.alerts()) {
        Map<String, Object> fields = AlertFields.of(alert);
        Csv.row(out, new ArrayList<>(fields.values()));
      }
      out.flush();
    }
  },
  /** A self-contained HTML report: summary per rule and severity, chart per day, alert list. */
  HTML {
    @Override
    public void write(ReplayResult result, PrintWriter out) {
      HtmlReport.write(result, out);
    }
  };

  public abstract void write(ReplayResult result, PrintWriter out);
}
