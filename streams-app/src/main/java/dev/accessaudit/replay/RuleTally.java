package dev.accessaudit.replay;

import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.Severity;
import java.util.HashSet;
import java.util.Set;

/** Counts of one rule and severity in a report: alerts, distinct staff, distinct visitors. */
final class RuleTally {
  private final String rule;
  private final Severity severity;
  private final Set<String> staff = new HashSet<>();
  private final Set<String> visitors = new HashSet<>();
  private int alerts;

  RuleTally(String rule, Severity severity) {
    this.rule = rule;
    this.severity = severity;
  }

  void add(ComplianceAlert alert) {
    alerts++;
    staff.add(alert.getStaffId());
    visitors.add(alert.getVisitorId());
  }

  String rule() {
    return rule;
  }

  Severity severity() {
    return severity;
  }

  int alerts() {
    return alerts;
  }

  Set<String> staff() {
    return staff;
  }

  Set<String> visitors() {
    return visitors;
  }
}
