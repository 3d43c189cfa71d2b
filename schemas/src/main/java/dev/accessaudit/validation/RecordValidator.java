package dev.accessaudit.validation;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.avro.VisitorConsent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the records of the audit contract beyond what the Avro schema can express.
 *
 * <p>Each method returns every problem found, as short phrases a person understands, for example
 * {@code "staffId is blank"} or {@code "staffOffice 'UK' is not an ISO 3166-1 alpha-2 code (did you
 * mean GB?)"}. An empty list means the record is valid. The checks are pure: no clock, no I/O, so
 * the publisher (before sending) and the pipeline (on receipt) judge a record the same way.
 *
 * <p>Enum symbols {@code UNKNOWN}/{@code OTHER} are accepted: they are what an older reader sees
 * for a symbol added later, and for agreements {@code UNKNOWN} means "no agreement on record".
 */
public final class RecordValidator {

  private RecordValidator() {}

  /** The problems of an access event; empty when it is valid. */
  public static List<String> problems(AccessEvent e) {
    if (e == null) {
      return List.of("the access event is missing");
    }
    List<String> problems = new ArrayList<>();
    required(problems, "eventId", e.getEventId());
    positiveTime(problems, "occurredAt", e.getOccurredAt());
    required(problems, "service", e.getService());
    required(problems, "staffId", e.getStaffId());
    country(problems, "staffOffice", e.getStaffOffice());
    required(problems, "visitorId", e.getVisitorId());
    present(problems, "category", e.getCategory());
    present(problems, "action", e.getAction());
    present(problems, "purpose", e.getPurpose());
    optional(problems, "recipient", e.getRecipient());
    optional(problems, "transactionId", e.getTransactionId());
    optional(problems, "site", e.getSite());
    entries(problems, "fields", e.getFields());
    return List.copyOf(problems);
  }

  /** The problems of a staff agreement; empty when it is valid. */
  public static List<String> problems(StaffAgreement a) {
    if (a == null) {
      return List.of("the staff agreement is missing");
    }
    List<String> problems = new ArrayList<>();
    required(problems, "staffId", a.getStaffId());
    present(problems, "status", a.getStatus());
    present(problems, "employment", a.getEmployment());
    positiveTime(problems, "effectiveFrom", a.getEffectiveFrom());
    expiry(problems, a.getEffectiveFrom(), a.getExpiresAt());
    optional(problems, "agreementId", a.getAgreementId());
    required(problems, "source", a.getSource());
    return List.copyOf(problems);
  }

  /** The problems of a visitor consent; empty when it is valid. */
  public static List<String> problems(VisitorConsent c) {
    if (c == null) {
      return List.of("the visitor consent is missing");
    }
    List<String> problems = new ArrayList<>();
    required(problems, "visitorId", c.getVisitorId());
    positiveTime(problems, "effectiveFrom", c.getEffectiveFrom());
    optional(problems, "channel", c.getChannel());
    return List.copyOf(problems);
  }

  private static void required(List<String> problems, String name, String value) {
    if (value == null) {
      problems.add(name + " is missing");
    } else if (value.isBlank()) {
      problems.add(name + " is blank");
    }
  }

  private static void optional(List<String> problems, String name, String value) {
    if (value != null && value.isBlank()) {
      problems.add(name + " is blank (leave it out when there is none)");
    }
  }

  private static void present(List<String> problems, String name, Object value) {
    if (value == null) {
      problems.add(name + " is missing");
    }
  }

  private static void positiveTime(List<String> problems, String name, Instant value) {
    if (value == null) {
      problems.add(name + " is missing");
    } else if (value.toEpochMilli() <= 0) {
      problems.add(name + " " + value + " is not after 1970-01-01T00:00:00Z");
    }
  }

  private static void expiry(List<String> problems, Instant effectiveFrom, Instant expiresAt) {
    if (expiresAt != null && effectiveFrom != null && !expiresAt.isAfter(effectiveFrom)) {
      problems.add("expiresAt " + expiresAt + " is not after effectiveFrom " + effectiveFrom);
    }
  }

  private static void country(List<String> problems, String name, String value) {
    required(problems, name, value);
    if (value == null || value.isBlank() || CountryCodes.isAlpha2(value)) {
      return;
    }
    String hint =
        CountryCodes.suggestionFor(value).map(s -> " (did you mean " + s + "?)").orElse("");
    problems.add(name + " '" + value + "' is not an ISO 3166-1 alpha-2 code" + hint);
  }

  private static void entries(List<String> problems, String name, List<String> values) {
    if (values == null) {
      problems.add(name + " is missing (use an empty list when no field was named)");
      return;
    }
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      if (value == null || value.isBlank()) {
        problems.add(name + "[" + i + "] is blank");
      }
    }
  }
}
