package dev.accessaudit.producers;

import java.util.List;

/**
 * A record was refused before it was sent because it breaks the audit contract. The message lists
 * every problem, e.g. {@code "AccessEvent e-1 is invalid: staffId is blank; staffOffice 'UK' is not
 * an ISO 3166-1 alpha-2 code (did you mean GB?)"}.
 */
public final class InvalidRecordException extends IllegalArgumentException {

  private final List<String> problems;

  /**
   * @param what the record, as a person would name it, e.g. "AccessEvent e-1"
   * @param problems every problem found, at least one
   */
  public InvalidRecordException(String what, List<String> problems) {
    super(what + " is invalid: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, each a short phrase. */
  public List<String> problems() {
    return problems;
  }
}
