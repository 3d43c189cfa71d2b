package dev.accessaudit.cli;

import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.Severity;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's live screen: counts per rule and severity, events published, dead letters and the
 * newest alerts. Alerts come in from the feed thread; {@link #render} draws a frame of text.
 */
final class Dashboard {
  /** What the frame shows besides the alerts. */
  record Status(
      String state, Duration uptime, long published, long deadLetters, String endpoints) {}

  static final String CLEAR = "\033[H\033[2J";
  private static final int NEWEST = 10;
  private static final List<Severity> COLUMNS =
      List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

  private final Map<String, Map<Severity, Long>> counts = new TreeMap<>();
  private final Deque<ComplianceAlert> newest = new ArrayDeque<>();
  private final boolean colour;
  private long total;

  Dashboard(boolean colour) {
    this.colour = colour;
  }

  synchronized void add(ComplianceAlert alert) {
    counts
        .computeIfAbsent(alert.getRuleId(), r -> new EnumMap<>(Severity.class))
        .merge(alert.getSeverity(), 1L, Long::sum);
    newest.addFirst(alert);
    if (newest.size() > NEWEST) {
      newest.removeLast();
    }
    total++;
  }

  synchronized long total() {
    return total;
  }

  /** One frame, each line cut to {@code width} characters. */
  synchronized String render(Status status, int width) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "access-audit demo   pipeline %s   up %s   Ctrl-C to stop",
            status.state(),
            clock(status.uptime())));
    lines.add(status.endpoints());
    lines.add("");
    lines.add(
        String.format(
            Locale.ROOT,
            "events published %,9d     alerts %,7d     dead letters %,5d",
            status.published(),
            total,
            status.deadLetters()));
    lines.add("");
    lines.add(
        String.format(
            "%-31s %9s %6s %6s %6s", "alerts by rule", "CRITICAL", "HIGH", "MEDIUM", "LOW"));
    counts.forEach((rule, bySeverity) -> lines.add(row(rule, bySeverity)));
    if (counts.isEmpty()) {
      lines.add("  (none yet: the first alerts land a few seconds after the first events)");
    }
    lines.add("");
    lines.add("newest alerts (access time UTC)");
    newest.forEach(a -> lines.add(line(a)));
    StringBuilder frame = new StringBuilder(CLEAR);
    lines.forEach(l -> frame.append(fit(l, width)).append('\n'));
    return frame.toString();
  }

  private static String row(String rule, Map<Severity, Long> bySeverity) {
    StringBuilder row = new StringBuilder(String.format("  %-29s", rule));
    for (Severity s : COLUMNS) {
      long n = bySeverity.getOrDefault(s, 0L);
      row.append(String.format(" %" + (s == Severity.CRITICAL ? 9 : 6) + "s", n == 0 ? "." : n));
    }
    return row.toString();
  }

  private String line(ComplianceAlert a) {
    String severity = String.format("%-8s", a.getSeverity());
    return String.format(
        "  %s  %s  %-29s %-7s %-9s %s: %s",
        TIME.format(a.getOccurredAt()),
        paint(a.getSeverity(), severity),
        a.getRuleId(),
        a.getStaffId(),
        a.getVisitorId(),
        a.getService(),
        a.getSummary());
  }

  private String paint(Severity severity, String text) {
    if (!colour) {
      return text;
    }
    String code =
        switch (severity) {
          case CRITICAL -> "\033[1;31m";
          case HIGH -> "\033[33m";
          case MEDIUM -> "\033[36m";
          default -> "";
        };
    return code.isEmpty() ? text : code + text + "\033[0m";
  }

  /** Cuts a line to the width, counting only visible characters (not colour codes). */
  static String fit(String line, int width) {
    StringBuilder out = new StringBuilder();
    int visible = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\033') {
        int end = line.indexOf('m', i);
        out.append(line, i, end + 1);
        i = end;
      } else if (visible < width) {
        out.append(c);
        visible++;
      }
    }
    return out.toString();
  }

  private static String clock(Duration d) {
    return String.format(
        Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
  }
}
