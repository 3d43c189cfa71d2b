package dev.accessaudit.streams.rules.custom;

import com.google.protobuf.NullValue;
import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.avro.VisitorConsent;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The records a CEL condition sees, as maps from field name to value: every field of the Avro
 * schema is present, enums as their symbol names (strings), times ({@code timestamp-millis}) as
 * epoch milliseconds (ints), arrays as lists, absent values as CEL {@code null}. When no agreement
 * or consent is on record every one of its fields is {@code null}.
 */
public final class AccessMaps {

  /** The field names a condition may select on each variable. */
  public static final Map<String, Set<String>> FIELDS =
      Map.of(
          "event", fieldNames(AccessEvent.getClassSchema()),
          "agreement", fieldNames(StaffAgreement.getClassSchema()),
          "consent", fieldNames(VisitorConsent.getClassSchema()));

  private AccessMaps() {}

  public static Map<String, Object> event(AccessEvent event) {
    return toMap(AccessEvent.getClassSchema(), event);
  }

  public static Map<String, Object> agreement(StaffAgreement agreement) {
    return toMap(StaffAgreement.getClassSchema(), agreement);
  }

  public static Map<String, Object> consent(VisitorConsent consent) {
    return toMap(VisitorConsent.getClassSchema(), consent);
  }

  private static Map<String, Object> toMap(Schema schema, SpecificRecord record) {
    Map<String, Object> map = new HashMap<>();
    for (Schema.Field field : schema.getFields()) {
      map.put(field.name(), record == null ? NullValue.NULL_VALUE : value(record.get(field.pos())));
    }
    return map;
  }

  private static Object value(Object value) {
    if (value == null) {
      return NullValue.NULL_VALUE;
    } else if (value instanceof Enum<?> symbol) {
      return symbol.name();
    } else if (value instanceof Instant instant) {
      return instant.toEpochMilli();
    } else if (value instanceof Integer number) {
      return number.longValue();
    } else if (value instanceof CharSequence text) {
      return text.toString();
    } else if (value instanceof List<?> list) {
      return list.stream().map(AccessMaps::value).toList();
    }
    return value;
  }

  private static Set<String> fieldNames(Schema schema) {
    return schema.getFields().stream().map(Schema.Field::name).collect(Collectors.toSet());
  }
}
