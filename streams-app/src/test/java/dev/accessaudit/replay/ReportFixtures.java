package dev.accessaudit.replay;

import static dev.accessaudit.streams.AuditFixtures.anAccessEvent;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.Severity;
import dev.accessaudit.streams.judgement.AlertIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Replay results to render, without Kafka. */
final class ReportFixtures {

  static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
  static final Instant TO = Instant.parse("2026-03-04T00:00:00Z");

  private ReportFixtures() {}

  static AccessEvent event(String id, Instant at, String staff, String visitor) {
    return anAccessEvent()
        .setEventId(id)
        .setOccurredAt(at)
        .setStaffId(staff)
        .setVisitorId(visitor)
        .build();
  }

  static ComplianceAlert alert(AccessEvent e, String rule, Severity severity, String summary) {
    return ComplianceAlert.newBuilder()
        .setAlertId(AlertIds.of(e.getEventId(), rule))
        .setRuleId(rule)
        .setSeverity(severity)
        .setSummary(summary)
        .setPolicyVersion("2009")
        .setPolicyClause("clause")
        .setEventId(e.getEventId())
        .setOccurredAt(e.getOccurredAt())
        .setStaffId(e.getStaffId())
        .setVisitorId(e.getVisitorId())
        .setService(e.getService())
        .setCategory(e.getCategory())
        .setAction(e.getAction())
        .setPurpose(e.getPurpose())
        .setAgreementStatus(null)
        .setAgreementEffectiveFrom(null)
        .setDetectedAt(Instant.parse("2026-06-01T00:00:00Z"))
        .setDetails(Map.of("k", "v, with \"quotes\""))
        .build();
  }

  /** Three accesses over two days, two alerts, one with markup in its summary. */
  static ReplayResult result() {
    AccessEvent a = event("e-1", FROM.plus(Duration.ofHours(9)), "s-1", "v-1");
    AccessEvent b = event("e-2", FROM.plus(Duration.ofHours(10)), "s-2", "v-1");
    AccessEvent c = event("e-3", FROM.plus(Duration.ofHours(33)), "s-1", "v-1");
    List<ComplianceAlert> alerts =
        List.of(
            alert(
                a,
                "AGREEMENT_MISSING",
                Severity.CRITICAL,
                "No agreement <script>alert(1)</script> & co."),
            alert(c, "AGREEMENT_REVOKED", Severity.CRITICAL, "Revoked."));
    ReplayRequest request =
        new ReplayRequest(
            FROM, TO, java.util.Optional.empty(), java.util.Optional.of("v-1"), true, false);
    ReplayStats stats = new ReplayStats(3, 1, 0, 4, 2, 2, Duration.ofMillis(1500));
    return new ReplayResult(
        request,
        "default <2009>",
        AlertLog.of(alerts),
        List.of(a, b, c),
        JudgedEvents.notKept(),
        stats);
  }
}
