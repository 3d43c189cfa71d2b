package dev.accessaudit.producers.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.accessaudit.avro.AccessAction;
import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.DataCategory;
import dev.accessaudit.validation.RecordValidator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * Reads access events from a JSON lines file: one JSON object per line, with the field names of the
 * {@code AccessEvent} Avro schema. Times are ISO-8601 instants ({@code "2026-03-01T10:15:30Z"}) or
 * epoch milliseconds; enums by name; {@code recipient}, {@code transactionId}, {@code site} and
 * {@code fields} may be left out; blank lines are ignored.
 *
 * <pre>{@code
 * {"eventId":"e-1","occurredAt":"2026-03-01T10:15:30Z","service":"crm","staffId":"s-0042",
 *  "staffOffice":"GB","visitorId":"v-000123","category":"CONTACT_INFO","action":"VIEW",
 *  "purpose":"CUSTOMER_CONTACT","encryptedInTransit":true,"fields":["email"]}
 * }</pre>
 *
 * (one line in the file). All or nothing: when any line is invalid, by JSON syntax, by type or by
 * {@link RecordValidator}, {@link InvalidFileException} lists every problem with its line number.
 */
public final class AccessEventFile {

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private static final Set<String> FIELDS =
      AccessEvent.getClassSchema().getFields().stream()
          .map(Schema.Field::name)
          .collect(Collectors.toUnmodifiableSet());

  private AccessEventFile() {}

  /**
   * Every event in {@code file}, in file order.
   *
   * @throws InvalidFileException when the file cannot be read or any line is invalid
   */
  public static List<AccessEvent> read(Path file) throws InvalidFileException {
    return LineReader.read(file, 1, AccessEventFile::parse);
  }

  private static AccessEvent parse(String line, List<String> problems) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      problems.add(jsonProblem(e));
      return null;
    }
    if (!node.isObject()) {
      problems.add(
          "expected a JSON object {...}, found "
              + node.getNodeType().name().toLowerCase(Locale.ROOT));
      return null;
    }
    List<String> parsing = new ArrayList<>();
    AccessEvent event = event(new JsonFields(node, parsing));
    problems.addAll(parsing);
    problems.addAll(LineReader.withoutRepeats(RecordValidator.problems(event), parsing));
    return event;
  }

  private static AccessEvent event(JsonFields json) {
    json.rejectUnknown(FIELDS);
    AccessEvent e = new AccessEvent();
    e.setEventId(json.text("eventId"));
    Instant occurredAt = json.instant("occurredAt");
    if (occurredAt != null) { // the generated setter refuses null; the validator reports it
      e.setOccurredAt(occurredAt);
    }
    e.setService(json.text("service"));
    e.setStaffId(json.text("staffId"));
    e.setStaffOffice(json.text("staffOffice"));
    e.setVisitorId(json.text("visitorId"));
    e.setCategory(json.symbol(DataCategory.class, "category"));
    e.setAction(json.symbol(AccessAction.class, "action"));
    e.setPurpose(json.symbol(AccessPurpose.class, "purpose"));
    e.setRecipient(json.text("recipient"));
    e.setTransactionId(json.text("transactionId"));
    e.setEncryptedInTransit(json.bool("encryptedInTransit"));
    e.setSite(json.text("site"));
    e.setFields(json.texts("fields"));
    return e;
  }

  private static String jsonProblem(JsonProcessingException e) {
    String where = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
    String what = e.getOriginalMessage().lines().findFirst().orElse("").strip();
    return "not valid JSON" + where + ": " + what;
  }
}
