package dev.accessaudit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accessaudit.avro.AlertStatus;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.streams.judgement.Rejudgement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;

/** How {@code ./audit alerts} prints an alert: a readable line, or one JSON object per line. */
enum AlertFormat {
  /**
   * {@code time severity rule staff visitor service: summary}, aligned for reading; a retraction
   * says so, and why, before the summary of the alert it withdraws.
   */
  TEXT {
    @Override
    String format(ComplianceAlert a) {
      return String.format(
          "%s  %-8s  %-29s  staff %-8s  visitor %-10s  %s: %s",
          a.getOccurredAt().truncatedTo(ChronoUnit.SECONDS),
          a.getSeverity(),
          a.getRuleId(),
          a.getStaffId(),
          a.getVisitorId(),
          a.getService(),
          a.getStatus() == AlertStatus.RETRACTED ? retracted(a) : a.getSummary());
    }

    private static String retracted(ComplianceAlert a) {
      String why = a.getDetails().get(Rejudgement.RETRACTED_BECAUSE);
      return "RETRACTED" + (why == null ? "" : " (" + why + ")") + ": " + a.getSummary();
    }
  },
  /** Every field of the alert, times as ISO-8601 instants, enums as their names. */
  JSON {
    @Override
    String format(ComplianceAlert a) {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (Schema.Field f : a.getSchema().getFields()) {
        fields.put(f.name(), plain(a.get(f.pos())));
      }
      try {
        return MAPPER.writeValueAsString(fields);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write alert " + a.getAlertId() + " as JSON", e);
      }
    }
  };

  private static final ObjectMapper MAPPER = new ObjectMapper();

  abstract String format(ComplianceAlert alert);

  private static Object plain(Object value) {
    if (value instanceof Instant || value instanceof CharSequence || value instanceof Enum<?>) {
      return value.toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k.toString(), plain(v)));
      return copy;
    }
    return value;
  }
}
