package dev.accessaudit.producers.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.DataCategory;
import dev.accessaudit.avro.EmploymentType;
import dev.accessaudit.avro.StaffAgreement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Replays the simulator's agreements and consents by their own timestamps, whatever order they came
 * in, and checks each access's ground truth against the versions in force at its time.
 */
class GroundTruthSanityTest {

  private final Map<String, TreeMap<Instant, StaffAgreement>> agreements = new HashMap<>();
  private final Map<String, TreeMap<Instant, Boolean>> optOuts = new HashMap<>();
  private final List<SimulatedRecord.Access> accesses = new ArrayList<>();

  private void replay(List<SimulatedRecord> records) {
    for (SimulatedRecord r : records) {
      if (r instanceof SimulatedRecord.AgreementSet s) {
        versions(s.agreement().getStaffId()).put(s.time(), s.agreement());
      } else if (r instanceof SimulatedRecord.AgreementRemoved x) {
        versions(x.staffId()).put(x.time(), null);
      } else if (r instanceof SimulatedRecord.ConsentSet c) {
        optOuts
            .computeIfAbsent(c.consent().getVisitorId(), v -> new TreeMap<>())
            .put(c.time(), c.consent().getMarketingOptOut());
      } else {
        accesses.add((SimulatedRecord.Access) r);
      }
    }
  }

  private TreeMap<Instant, StaffAgreement> versions(String staffId) {
    return agreements.computeIfAbsent(staffId, s -> new TreeMap<>());
  }

  private StaffAgreement inForce(AccessEvent e) {
    var entry = versions(e.getStaffId()).floorEntry(e.getOccurredAt());
    return entry == null ? null : entry.getValue();
  }

  private boolean optedOut(AccessEvent e) {
    var entry =
        optOuts.getOrDefault(e.getVisitorId(), new TreeMap<>()).floorEntry(e.getOccurredAt());
    return entry != null && entry.getValue();
  }

  @Test
  void shouldLabelEveryAccessByTheAgreementInForceAtItsTime() {
    SimulationSettings settings =
        SimulationSettings.builder().violationFraction(0.2).lateAgreementFraction(0.2).build();
    replay(new TrafficSimulator(settings, TrafficSimulatorTest.EVE_OF_2009, 21L).generate(10_000));

    for (SimulatedRecord.Access a : accesses) {
      StaffAgreement agreement = inForce(a.event());
      RuleId rule = independentAgreementRule(agreement, a.event().getOccurredAt());
      boolean expectsAgreementRule =
          a.expectedRuleIds().stream().anyMatch(id -> RuleId.valueOf(id).isAgreementRule());
      assertThat(expectsAgreementRule).as(a.toString()).isEqualTo(rule != null);
      if (rule != null) {
        assertThat(a.expectedRuleIds()).as(a.toString()).contains(rule.name());
      }
    }
  }

  @Test
  void shouldOnlyCallAccessesCompliantWhenEverythingIsInOrder() {
    replay(
        new TrafficSimulator(SimulationSettings.defaults(), TrafficSimulatorTest.EVE_OF_2009, 8L)
            .generate(10_000));

    for (SimulatedRecord.Access a : accesses.stream().filter(x -> !x.violation()).toList()) {
      AccessEvent e = a.event();
      StaffAgreement agreement = inForce(e);
      assertThat(agreement).as(e.toString()).isNotNull();
      assertThat(agreement.getStatus()).isEqualTo(AgreementStatus.ACTIVE);
      assertThat(
              agreement.getExpiresAt() == null
                  || agreement.getExpiresAt().isAfter(e.getOccurredAt()))
          .isTrue();
      if (e.getOccurredAt().isBefore(SimulationSettings.POLICY_2009_FROM)) {
        assertThat(agreement.getEmployment()).isEqualTo(EmploymentType.EMPLOYEE);
      }
      assertThat(e.getRecipient()).isNull();
      assertThat(e.getEncryptedInTransit()).isTrue();
      if (e.getCategory() == DataCategory.LIVE_CHAT
          || e.getCategory() == DataCategory.TELEPHONE_RECORDING) {
        assertThat(e.getStaffOffice()).isEqualTo("GB");
      }
      if (e.getPurpose() == AccessPurpose.MARKETING) {
        assertThat(optedOut(e)).as(e.toString()).isFalse();
      }
      if (e.getCategory() == DataCategory.FINANCIAL
          && e.getPurpose() == AccessPurpose.TRANSACTION_PROCESSING) {
        assertThat(e.getTransactionId()).isNotNull();
      }
    }
  }

  @Test
  void shouldCountBulkAccessOncePerStaffAndHour() {
    replay(
        new TrafficSimulator(SimulationSettings.defaults(), TrafficSimulatorTest.MARCH_2026, 4L)
            .generate(10_000));
    Map<String, java.util.Set<String>> distinct = new HashMap<>();

    for (SimulatedRecord.Access a : accesses) {
      AccessEvent e = a.event();
      String key = e.getStaffId() + "@" + BulkCounter.windowStart(e.getOccurredAt());
      var visitors = distinct.computeIfAbsent(key, k -> new java.util.HashSet<>());
      boolean crossed = visitors.add(e.getVisitorId()) && visitors.size() == 201;
      assertThat(a.expectedRuleIds().contains("BULK_ACCESS")).as(e.toString()).isEqualTo(crossed);
    }
    assertThat(distinct.values()).allMatch(visitors -> visitors.size() <= 201);
    assertThat(accesses).anyMatch(a -> a.expectedRuleIds().contains("BULK_ACCESS"));
  }

  /** The agreement rules as the contract states them, written out again on purpose. */
  private static RuleId independentAgreementRule(StaffAgreement a, Instant t) {
    if (a == null || a.getStatus() == AgreementStatus.UNKNOWN) {
      return RuleId.AGREEMENT_MISSING;
    }
    if (a.getStatus() == AgreementStatus.REVOKED) {
      return RuleId.AGREEMENT_REVOKED;
    }
    if (a.getStatus() == AgreementStatus.EXPIRED
        || (a.getExpiresAt() != null && !a.getExpiresAt().isAfter(t))) {
      return RuleId.AGREEMENT_EXPIRED;
    }
    return a.getStatus() == AgreementStatus.PENDING ? RuleId.AGREEMENT_PENDING : null;
  }
}
