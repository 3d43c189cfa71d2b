package dev.accessaudit.replay;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.ComplianceAlert;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The rows of a who-accessed report: each access to the visitor's data with the rule ids of the
 * alerts it raised.
 */
final class AccessRows {

  static final List<String> COLUMNS =
      List.of(
          "occurredAt",
          "staffId",
          "staffOffice",
          "service",
          "category",
          "action",
          "purpose",
          "recipient",
          "eventId",
          "alerts");

  private AccessRows() {}

  static List<Map<String, Object>> of(ReplayResult result) {
    Map<String, List<String>> alerts = new HashMap<>();
    for (ComplianceAlert a : result.alerts()) {
      alerts.computeIfAbsent(a.getEventId(), e -> new ArrayList<>()).add(a.getRuleId());
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (AccessEvent e : result.accesses()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("occurredAt", e.getOccurredAt().truncatedTo(ChronoUnit.SECONDS).toString());
      row.put("staffId", e.getStaffId());
      row.put("staffOffice", e.getStaffOffice());
      row.put("service", e.getService());
      row.put("category", e.getCategory().toString());
      row.put("action", e.getAction().toString());
      row.put("purpose", e.getPurpose().toString());
      row.put("recipient", e.getRecipient());
      row.put("eventId", e.getEventId());
      row.put("alerts", List.copyOf(new TreeSet<>(alerts.getOrDefault(e.getEventId(), List.of()))));
      rows.add(row);
    }
    return rows;
  }

  /** The heading of a report on one visitor, e.g. "Accesses to the data of visitor v-1". */
  static String heading(ReplayResult result) {
    return "Accesses to the data of visitor " + result.request().visitorId().orElse("(any)");
  }

  /** E.g. "12 accesses by 3 staff members; 2 raised alerts." */
  static String summary(ReplayResult result) {
    long staff = result.accesses().stream().map(AccessEvent::getStaffId).distinct().count();
    long flagged = of(result).stream().filter(r -> !((List<?>) r.get("alerts")).isEmpty()).count();
    return String.format(
        "%d accesses by %d staff members; %d of them raised alerts (%d alerts).",
        result.accesses().size(), staff, flagged, result.alerts().size());
  }
}
