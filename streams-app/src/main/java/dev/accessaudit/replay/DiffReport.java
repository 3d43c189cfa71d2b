package dev.accessaudit.replay;

import dev.accessaudit.avro.ComplianceAlert;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an {@link AlertDiff} per rule: how many alerts the replay adds, removes and changes
 * compared with the alerts topic, and the event ids of each, as a text table or one JSON object.
 */
public final class DiffReport {

  private DiffReport() {}

  /** A readable table per rule, then the event ids of every difference. */
  public static void text(ReplayResult result, long liveAlerts, AlertDiff diff, PrintWriter out) {
    out.printf(
        "replay of %s to %s (policy %s, filters: %s) against the alerts topic: %d events,"
            + " %d alerts published, %d replayed%n",
        result.request().from(),
        result.request().to(),
        result.policyName(),
        Reports.filters(result.request()),
        result.stats().events(),
        liveAlerts,
        result.alerts().size());
    if (diff.isEmpty()) {
      out.println("no differences: the replay raises exactly the alerts the pipeline published");
      out.flush();
      return;
    }
    Map<String, Map<String, List<String>>> rules = byRule(diff);
    table(rules, diff, out);
    rules.forEach(
        (rule, kinds) ->
            kinds.forEach(
                (kind, events) -> {
                  if (!events.isEmpty()) {
                    out.printf("%s %s: events %s%n", kind, rule, String.join(", ", events));
                  }
                }));
    out.flush();
  }

  private static void table(
      Map<String, Map<String, List<String>>> rules, AlertDiff diff, PrintWriter out) {
    out.printf("%n%-32s %7s %7s %7s%n", "rule", "added", "removed", "changed");
    rules.forEach(
        (rule, kinds) ->
            out.printf(
                "%-32s %7d %7d %7d%n",
                rule,
                kinds.get("added").size(),
                kinds.get("removed").size(),
                kinds.get("changed").size()));
    out.printf(
        "%-32s %7d %7d %7d%n%n",
        "total", diff.added().size(), diff.removed().size(), diff.changed().size());
  }

  /** One JSON object: the period, the counts, and per rule the event ids added/removed/changed. */
  public static void json(ReplayResult result, long liveAlerts, AlertDiff diff, PrintWriter out) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("from", result.request().from().toString());
    report.put("to", result.request().to().toString());
    report.put("policy", result.policyName());
    result.request().staffId().ifPresent(s -> report.put("staffId", s));
    result.request().visitorId().ifPresent(v -> report.put("visitorId", v));
    report.put("events", result.stats().events());
    report.put("publishedAlerts", liveAlerts);
    report.put("replayedAlerts", result.alerts().size());
    report.put("added", diff.added().size());
    report.put("removed", diff.removed().size());
    report.put("changed", diff.changed().size());
    report.put("rules", byRule(diff));
    out.println(AlertFields.json(report));
    out.flush();
  }

  private static Map<String, Map<String, List<String>>> byRule(AlertDiff diff) {
    Map<String, Map<String, List<String>>> rules = new TreeMap<>();
    diff.added().forEach(a -> events(rules, a, "added").add(a.getEventId()));
    diff.removed().forEach(a -> events(rules, a, "removed").add(a.getEventId()));
    diff.changed()
        .forEach(
            c ->
                events(rules, c.replayed(), "changed")
                    .add(c.replayed().getEventId() + " (" + String.join(", ", c.fields()) + ")"));
    return rules;
  }

  private static List<String> events(
      Map<String, Map<String, List<String>>> rules, ComplianceAlert alert, String kind) {
    Map<String, List<String>> kinds =
        rules.computeIfAbsent(
            alert.getRuleId(),
            r -> {
              Map<String, List<String>> empty = new LinkedHashMap<>();
              empty.put("added", new ArrayList<>());
              empty.put("removed", new ArrayList<>());
              empty.put("changed", new ArrayList<>());
              return empty;
            });
    return kinds.get(kind);
  }
}
