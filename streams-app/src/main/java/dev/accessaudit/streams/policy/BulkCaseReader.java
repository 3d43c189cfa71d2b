package dev.accessaudit.streams.policy;

import java.time.Instant;
import java.util.Optional;

/** Reads the fields of a {@code type: bulk} test case: staffId, distinctVisitors, windowStart. */
final class BulkCaseReader {

  private final Problems problems;

  BulkCaseReader(Problems problems) {
    this.problems = problems;
  }

  PolicyTestCase.BulkCount read(YamlMap entry) {
    String staffId = entry.text("staffId").orElse("s-test");
    int count = count(entry);
    Instant start = windowStart(entry);
    return new PolicyTestCase.BulkCount(staffId, count, start);
  }

  private int count(YamlMap entry) {
    Optional<String> text = entry.requiredText("distinctVisitors", "a bulk case");
    try {
      int count = text.map(t -> Integer.parseInt(t.trim())).orElse(0);
      if (count >= 0) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.at(
        entry.get("distinctVisitors").orElseThrow(),
        "distinctVisitors must be a whole number, was '" + text.get() + "'");
    return 0;
  }

  private Instant windowStart(YamlMap entry) {
    Optional<String> text = entry.requiredText("windowStart", "a bulk case");
    Optional<Instant> start = text.flatMap(PolicyValues::instant);
    if (text.isPresent() && start.isEmpty()) {
      problems.at(
          entry.get("windowStart").orElseThrow(),
          "windowStart '"
              + text.get()
              + "' is neither a date nor an instant such as 2009-01-01T00:00:00Z");
    }
    return start.orElse(TestCaseReader.LONG_AGO);
  }
}
