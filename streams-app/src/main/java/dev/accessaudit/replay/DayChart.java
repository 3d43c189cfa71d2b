package dev.accessaudit.replay;

import dev.accessaudit.avro.ComplianceAlert;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An inline SVG bar chart of alerts per day (UTC) over the replayed period, every day shown, days
 * without alerts as gaps. Self-contained: no script, no external resource.
 */
final class DayChart {

  private static final int WIDTH = 1000;
  private static final int HEIGHT = 220;
  private static final int LEFT = 50;
  private static final int RIGHT = 45;
  private static final int BOTTOM = 40;
  private static final int TOP = 20;
  private static final int MAX_DAYS = 731;

  private DayChart() {}

  /** Alerts per UTC day from the first to the last day of the period (at most two years). */
  static Map<LocalDate, Integer> perDay(ReplayRequest request, Iterable<ComplianceAlert> alerts) {
    Map<LocalDate, Integer> days = new TreeMap<>();
    LocalDate first = day(request.from());
    LocalDate last = day(request.to().minusMillis(1));
    if (first.plusDays(MAX_DAYS).isBefore(last)) {
      first = last.minusDays(MAX_DAYS);
    }
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      days.put(d, 0);
    }
    for (ComplianceAlert a : alerts) {
      days.computeIfPresent(day(a.getOccurredAt()), (d, n) -> n + 1);
    }
    return days;
  }

  static String svg(Map<LocalDate, Integer> days) {
    int max = Math.max(1, days.values().stream().mapToInt(Integer::intValue).max().orElse(1));
    double slot = (double) (WIDTH - LEFT - RIGHT) / Math.max(1, days.size());
    double plot = HEIGHT - BOTTOM - TOP;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d"
                + " %d\" role=\"img\" aria-label=\"Alerts per day\">",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT));
    axes(svg, max);
    int i = 0;
    int labelEvery = Math.max(1, (int) Math.ceil(days.size() / 12.0));
    for (Map.Entry<LocalDate, Integer> day : days.entrySet()) {
      double x = LEFT + i * slot;
      double h = plot * day.getValue() / max;
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">"
                  + "<title>%s: %d alerts</title></rect>",
              x + slot * 0.1,
              TOP + plot - h,
              Math.max(1, slot * 0.8),
              h,
              day.getKey(),
              day.getValue()));
      if (i % labelEvery == 0) {
        svg.append(label(x + slot / 2, HEIGHT - BOTTOM + 16, day.getKey().toString()));
      }
      i++;
    }
    return svg.append("</svg>").toString();
  }

  private static void axes(StringBuilder svg, int max) {
    int base = HEIGHT - BOTTOM;
    svg.append(
        String.format(
            Locale.ROOT,
            "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
                + "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>",
            LEFT,
            TOP,
            LEFT,
            base,
            LEFT,
            base,
            WIDTH - 10,
            base));
    svg.append(label(LEFT - 8, TOP + 4, Integer.toString(max)).replace("middle", "end"));
    svg.append(label(LEFT - 8, base + 4, "0").replace("middle", "end"));
  }

  private static String label(double x, double y, String text) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
        x,
        y,
        Markup.escape(text));
  }

  private static LocalDate day(java.time.Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }
}
