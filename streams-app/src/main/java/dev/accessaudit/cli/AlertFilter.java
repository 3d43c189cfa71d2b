package dev.accessaudit.cli;

import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.Severity;
import java.util.Set;

/**
 * Which alerts {@code ./audit alerts} shows: at least a severity, and one of some rules (none =
 * every rule). An alert of a severity this build does not know (UNKNOWN, from a newer pipeline) is
 * always shown: hiding what might be critical is the wrong way to fail.
 */
record AlertFilter(MinSeverity minSeverity, Set<String> rules) {
  /** The severities a user can ask for, lowest first. */
  enum MinSeverity {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL
  }

  AlertFilter {
    rules = Set.copyOf(rules);
  }

  boolean matches(ComplianceAlert alert) {
    return severe(alert.getSeverity()) && (rules.isEmpty() || rules.contains(alert.getRuleId()));
  }

  private boolean severe(Severity severity) {
    return severity == Severity.UNKNOWN
        || MinSeverity.valueOf(severity.name()).ordinal() >= minSeverity.ordinal();
  }
}
