package dev.accessaudit.producers.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.DataCategory;
import dev.accessaudit.validation.RecordValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrafficSimulatorTest {

  /** Five minutes before the 2009 policy: 10,000 events at 20/s span both policies. */
  static final Clock EVE_OF_2009 =
      Clock.fixed(Instant.parse("2008-12-31T23:55:00Z"), ZoneOffset.UTC);

  static final Clock MARCH_2026 =
      Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

  static List<SimulatedRecord.Access> accesses(List<SimulatedRecord> records) {
    return records.stream()
        .filter(SimulatedRecord.Access.class::isInstance)
        .map(SimulatedRecord.Access.class::cast)
        .toList();
  }

  @Test
  void shouldGiveTheSameRecordsForTheSameSeedAndClock() {
    List<SimulatedRecord> first =
        new TrafficSimulator(SimulationSettings.defaults(), MARCH_2026, 42L).generate(3000);
    List<SimulatedRecord> second =
        new TrafficSimulator(SimulationSettings.defaults(), MARCH_2026, 42L).generate(3000);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void shouldGiveOtherRecordsForAnotherSeed() {
    List<SimulatedRecord> first =
        new TrafficSimulator(SimulationSettings.defaults(), MARCH_2026, 42L).generate(100);
    List<SimulatedRecord> other =
        new TrafficSimulator(SimulationSettings.defaults(), MARCH_2026, 43L).generate(100);

    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void shouldStartAtTheClockAndProduceExactlyTheRequestedAccesses() {
    TrafficSimulator simulator =
        new TrafficSimulator(SimulationSettings.defaults(), MARCH_2026, 1L);

    List<SimulatedRecord.Access> accesses = accesses(simulator.generate(500));

    assertThat(simulator.start()).isEqualTo(MARCH_2026.instant());
    assertThat(accesses).hasSize(500);
    assertThat(accesses.get(0).time()).isAfterOrEqualTo(MARCH_2026.instant());
  }

  @Test
  void shouldKeepTheViolationFractionWithinTolerance() {
    SimulationSettings settings = SimulationSettings.builder().violationFraction(0.10).build();

    List<SimulatedRecord.Access> accesses =
        accesses(new TrafficSimulator(settings, EVE_OF_2009, 7L).generate(10_000));

    long violations = accesses.stream().filter(SimulatedRecord.Access::violation).count();
    assertThat(violations / 10_000.0).isBetween(0.085, 0.115);
  }

  @Test
  void shouldTouchEveryCategoryAndBreakEveryRule() {
    List<SimulatedRecord.Access> accesses =
        accesses(
            new TrafficSimulator(SimulationSettings.defaults(), EVE_OF_2009, 7L).generate(10_000));

    Set<DataCategory> categories =
        accesses.stream().map(a -> a.event().getCategory()).collect(Collectors.toSet());
    Set<String> rules = new HashSet<>();
    accesses.forEach(a -> rules.addAll(a.expectedRuleIds()));
    Set<DataCategory> real = EnumSet.complementOf(EnumSet.of(DataCategory.UNKNOWN));
    assertThat(categories).containsExactlyInAnyOrderElementsOf(real);
    assertThat(rules)
        .containsExactlyInAnyOrderElementsOf(
            RuleId.ALL.stream().map(Enum::name).collect(Collectors.toSet()));
  }

  @Test
  void shouldBreakExactlyOneRulePerViolation() {
    accesses(new TrafficSimulator(SimulationSettings.defaults(), EVE_OF_2009, 3L).generate(5000))
        .forEach(a -> assertThat(a.expectedRuleIds()).hasSizeLessThanOrEqualTo(1));
  }

  @Test
  void shouldBreakOnlyAgreementRulesWhenAskedTo() {
    SimulationSettings settings =
        SimulationSettings.builder()
            .violationFraction(0.3)
            .onlyRules(RuleId.AGREEMENT_RULES)
            .build();

    Set<String> rules = new HashSet<>();
    accesses(new TrafficSimulator(settings, MARCH_2026, 5L).generate(3000))
        .forEach(a -> rules.addAll(a.expectedRuleIds()));

    assertThat(rules)
        .containsExactlyInAnyOrder(
            "AGREEMENT_MISSING", "AGREEMENT_REVOKED", "AGREEMENT_EXPIRED", "AGREEMENT_PENDING");
  }

  @Test
  void shouldBreakOnlyAgreementRulesWhenExtendedRulesAreOff() {
    SimulationSettings settings =
        SimulationSettings.builder().violationFraction(0.3).extendedRules(false).build();

    accesses(new TrafficSimulator(settings, MARCH_2026, 5L).generate(3000))
        .forEach(
            a ->
                assertThat(a.expectedRuleIds())
                    .allMatch(id -> RuleId.valueOf(id).isAgreementRule()));
  }

  @Test
  void shouldProduceOnlyValidRecords() {
    for (SimulatedRecord r :
        new TrafficSimulator(SimulationSettings.defaults(), EVE_OF_2009, 9L).generate(5000)) {
      List<String> problems = List.of();
      if (r instanceof SimulatedRecord.Access a) {
        problems = RecordValidator.problems(a.event());
      } else if (r instanceof SimulatedRecord.AgreementSet s) {
        problems = RecordValidator.problems(s.agreement());
      } else if (r instanceof SimulatedRecord.ConsentSet c) {
        problems = RecordValidator.problems(c.consent());
      }
      assertThat(problems).as(r.toString()).isEmpty();
    }
  }

  @Test
  void shouldEmitInTimeOrderExceptLateAgreementsThatTrailByAtMostTheMaximumDelay() {
    SimulationSettings settings =
        SimulationSettings.builder().lateAgreementFraction(0.3).agreementChurn(0.05).build();
    List<SimulatedRecord> records = new TrafficSimulator(settings, MARCH_2026, 11L).generate(5000);

    Instant latest = Instant.MIN;
    int late = 0;
    for (SimulatedRecord r : records) {
      if (isLate(r)) {
        late++;
        assertThat(Duration.between(r.time(), latest)).isLessThanOrEqualTo(Duration.ofSeconds(5));
      } else {
        assertThat(r.time()).as(r.toString()).isAfterOrEqualTo(latest);
        latest = r.time();
      }
    }
    assertThat(late).isGreaterThan(20);
    assertThat(accesses(records)).anyMatch(SimulatedRecord.Access::lateAgreement);
  }

  static boolean isLate(SimulatedRecord r) {
    return (r instanceof SimulatedRecord.AgreementSet s && s.late())
        || (r instanceof SimulatedRecord.AgreementRemoved x && x.late());
  }

  @Test
  void shouldUseStaffAndVisitorIdsOfTheContract() {
    AccessEvent e =
        accesses(new TrafficSimulator(SimulationSettings.defaults(), MARCH_2026, 1L).generate(1))
            .get(0)
            .event();

    assertThat(e.getStaffId()).matches("s-\\d{4}");
    assertThat(e.getVisitorId()).matches("v-\\d{6}");
  }
}
