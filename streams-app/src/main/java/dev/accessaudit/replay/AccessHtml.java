package dev.accessaudit.replay;

import static dev.accessaudit.replay.Markup.cell;
import static dev.accessaudit.replay.Markup.escape;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** The who-accessed report as one self-contained XHTML page (inline CSS, escaped content). */
final class AccessHtml {

  private AccessHtml() {}

  static void write(ReplayResult result, PrintWriter out) {
    String title = AccessRows.heading(result);
    out.println("<!DOCTYPE html>");
    out.println("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">");
    out.println("<head><meta charset=\"UTF-8\"/><title>" + escape(title) + "</title>");
    out.println("<style>" + Reports.CSS + "</style></head>");
    out.println("<body><h1>" + escape(title) + "</h1>");
    out.println(
        "<p class=\"meta\">Period: "
            + escape(result.request().from() + " to " + result.request().to())
            + " (UTC). Alerts judged under policy: "
            + escape(result.policyName())
            + ".</p>");
    out.println("<p class=\"meta\">" + escape(AccessRows.summary(result)) + "</p>");
    out.println("<table class=\"alerts\"><thead><tr>");
    for (String column : AccessRows.COLUMNS) {
      out.print("<th>" + escape(column) + "</th>");
    }
    out.println("</tr></thead><tbody>");
    for (Map<String, Object> row : AccessRows.of(result)) {
      StringBuilder tr = new StringBuilder("<tr>");
      row.forEach(
          (column, value) ->
              tr.append(
                  value instanceof List<?> list
                      ? cell(
                          list.isEmpty()
                              ? "-"
                              : String.join(", ", list.stream().map(Object::toString).toList()))
                      : cell(value == null ? "-" : value)));
      out.println(tr.append("</tr>"));
    }
    out.println("</tbody></table></body></html>");
    out.flush();
  }
}
