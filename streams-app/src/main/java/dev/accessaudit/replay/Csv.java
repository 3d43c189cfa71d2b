package dev.accessaudit.replay;

import java.io.PrintWriter;
import java.util.List;

/** RFC 4180 CSV: a field with a comma, quote or line break is quoted, quotes doubled. */
final class Csv {

  private Csv() {}

  static void row(PrintWriter out, List<?> fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(field(fields.get(i)));
    }
    out.print(line);
    out.print("\r\n");
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text =
        value instanceof java.util.Map<?, ?> || value instanceof List<?>
            ? AlertFields.json(value)
            : value.toString();
    if (text.indexOf(',') < 0
        && text.indexOf('"') < 0
        && text.indexOf('\n') < 0
        && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
