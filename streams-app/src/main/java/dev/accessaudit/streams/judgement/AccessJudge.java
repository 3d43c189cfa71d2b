package dev.accessaudit.streams.judgement;

import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.policy.PolicyRule;
import dev.accessaudit.streams.policy.PolicyVersion;
import dev.accessaudit.streams.rules.AccessContext;
import dev.accessaudit.streams.rules.Violation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges one access against every per-event rule of the policy version in force at its {@code
 * occurredAt}. The live topology and the replay both call this, which is what makes them agree.
 */
public final class AccessJudge {

  private final Policy policy;

  public AccessJudge(Policy policy) {
    this.policy = policy;
  }

  public Policy policy() {
    return policy;
  }

  /** The alerts the access raises, in the order of the version's rules. */
  public List<ComplianceAlert> judge(AccessContext access, Instant detectedAt) {
    PolicyVersion version = policy.versionAt(access.event().getOccurredAt());
    List<ComplianceAlert> alerts = new ArrayList<>();
    for (PolicyRule rule : version.rules()) {
      Optional<Violation> violation = rule.rule().check(access);
      violation.ifPresent(v -> alerts.add(alert(access, version, rule, v, detectedAt)));
    }
    return alerts;
  }

  /** Builds the alert for a violation of one rule of one policy version. */
  public static ComplianceAlert alert(
      AccessContext access,
      PolicyVersion version,
      PolicyRule rule,
      Violation violation,
      Instant detectedAt) {
    var event = access.event();
    Map<String, String> details = new HashMap<>(rule.parameters());
    details.putAll(violation.details());
    return ComplianceAlert.newBuilder()
        .setAlertId(AlertIds.of(event.getEventId(), rule.ruleId()))
        .setRuleId(rule.ruleId())
        .setSeverity(rule.severity())
        .setSummary(violation.summary())
        .setPolicyVersion(version.name())
        .setPolicyClause(rule.clause())
        .setEventId(event.getEventId())
        .setOccurredAt(event.getOccurredAt())
        .setStaffId(event.getStaffId())
        .setVisitorId(event.getVisitorId())
        .setService(event.getService())
        .setCategory(event.getCategory())
        .setAction(event.getAction())
        .setPurpose(event.getPurpose())
        .setAgreementStatus(access.agreementStatus())
        .setAgreementEffectiveFrom(
            access.agreement() == null ? null : access.agreement().getEffectiveFrom())
        .setDetectedAt(detectedAt)
        .setDetails(details)
        .build();
  }
}
