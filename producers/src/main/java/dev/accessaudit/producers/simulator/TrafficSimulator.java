package dev.accessaudit.producers.simulator;

import dev.accessaudit.avro.AccessEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Generates realistic audit traffic together with its ground truth: staff agreements that start,
 * expire, get revoked and deleted; visitors who opt out of marketing; and services touching every
 * kind of visitor data. A known fraction of the accesses ({@link
 * SimulationSettings#violationFraction()}) break exactly one rule, chosen from {@link
 * SimulationSettings#violationMix()}; every access carries the exact ruleIds the default policy
 * must raise for it (see {@link SimulatedRecord.Access#expectedRuleIds()}).
 *
 * <p>Deterministic: the same settings, clock and seed give the same records. Simulated time starts
 * at {@link SimulationSettings#start()} (or the clock's instant) and advances by random gaps
 * averaging {@code 1 / eventsPerSecond}; nothing here waits (see {@link SimulationDriver}).
 *
 * <pre>{@code
 * TrafficSimulator simulator =
 *     new TrafficSimulator(SimulationSettings.defaults(), Clock.systemUTC(), 42L);
 * for (SimulatedRecord r : simulator.generate(10_000)) {
 *   if (r instanceof SimulatedRecord.Access a && a.violation()) { ... a.expectedRuleIds() ... }
 * }
 * }</pre>
 *
 * <p>Records come in time order, agreements and consents before the accesses they govern, except
 * for the {@code late} agreements, which trail by at most {@link
 * SimulationSettings#maxAgreementDelay()} of simulated time. Not thread-safe.
 */
public final class TrafficSimulator {

  private final SimulationSettings settings;
  private final Instant start;
  private final Random random;
  private final Outbox outbox = new Outbox();
  private final AgreementLedger ledger;
  private final Visitors visitors;
  private final BulkCounter bulk = new BulkCounter();
  private final AccessPlanner planner;
  private final GroundTruth truth;
  private final ViolationMix mix;
  private Instant now;

  /**
   * @param settings what to generate
   * @param clock gives the start time when the settings have none
   * @param seed the same seed (with the same settings and clock) gives the same records
   */
  public TrafficSimulator(SimulationSettings settings, Clock clock, long seed) {
    this.settings = settings;
    this.start =
        (settings.start() != null ? settings.start() : clock.instant())
            .truncatedTo(ChronoUnit.MILLIS);
    this.random = new Random(seed ^ (start.toEpochMilli() * 0x9E3779B97F4A7C15L));
    Population population =
        new Population(settings.staffCount(), settings.visitorCount(), new Random(seed));
    this.ledger = new AgreementLedger(outbox, settings, random);
    this.visitors = new Visitors(population, new ConsentLedger(outbox), random);
    this.planner = new AccessPlanner(settings, population, ledger, visitors, bulk, random);
    this.truth = new GroundTruth(settings);
    this.mix = new ViolationMix(settings);
    this.now = start;
    planner.lifecycle().initialise(start);
  }

  /** The time of the first access. */
  public Instant start() {
    return start;
  }

  /** The simulated time reached so far. */
  public Instant now() {
    return now;
  }

  /** The settings in use. */
  public SimulationSettings settings() {
    return settings;
  }

  /** The next record; the stream never ends. */
  public SimulatedRecord next() {
    while (outbox.isEmpty()) {
      step();
    }
    return outbox.poll();
  }

  /** An endless, lazy stream of records; consumes this simulator. */
  public Stream<SimulatedRecord> stream() {
    return Stream.generate(this::next);
  }

  /**
   * The records up to and including the {@code accessEvents}-th access, then every agreement still
   * held back, so that the batch is complete.
   */
  public List<SimulatedRecord> generate(int accessEvents) {
    List<SimulatedRecord> records = new ArrayList<>();
    int accesses = 0;
    while (accesses < accessEvents) {
      SimulatedRecord r = next();
      records.add(r);
      accesses += r instanceof SimulatedRecord.Access ? 1 : 0;
    }
    records.addAll(drain());
    return records;
  }

  /** Every record still waiting, held-back agreements included, in order. */
  public List<SimulatedRecord> drain() {
    outbox.releaseAll();
    List<SimulatedRecord> records = new ArrayList<>();
    while (!outbox.isEmpty()) {
      records.add(outbox.poll());
    }
    return records;
  }

  private void step() {
    double gapMillis = -Math.log(1 - random.nextDouble()) * 1000 / settings.eventsPerSecond();
    // At least 1 ms apart: a change stamped `now` must never share the previous access's instant.
    now = now.plusMillis(Math.max(1, Math.round(gapMillis)));
    outbox.releaseUpTo(now);
    int before = outbox.added();
    if (Draw.chance(random, settings.agreementChurn())) {
      planner.lifecycle().churn(now, planner.reserved(now));
    }
    if (Draw.chance(random, settings.consentChurn())) {
      visitors.churn(now);
    }
    AccessPlanner.Draft draft = draw(now);
    if (outbox.added() != before) {
      // Changes are in force 1 ms before the access they enable, never at the same instant.
      now = now.plusMillis(1);
      draft = new AccessPlanner.Draft(retime(draft.event(), now), draft.intended());
    }
    emit(draft);
  }

  private AccessPlanner.Draft draw(Instant at) {
    if (Draw.chance(random, settings.violationFraction())) {
      RuleId rule = mix.pick(random, at, Set.of());
      AccessPlanner.Draft d = rule == null ? null : planner.violation(rule, at);
      if (d == null && rule == RuleId.BULK_ACCESS) {
        RuleId other = mix.pick(random, at, Set.of(RuleId.BULK_ACCESS));
        d = other == null ? null : planner.violation(other, at);
      }
      if (d != null) {
        return d;
      }
    }
    return planner.compliant(at);
  }

  private static AccessEvent retime(AccessEvent e, Instant at) {
    return AccessEvent.newBuilder(e).setOccurredAt(at).build();
  }

  private void emit(AccessPlanner.Draft draft) {
    AccessEvent e = draft.event();
    boolean bulkCrossed = bulk.add(e.getStaffId(), e.getVisitorId(), e.getOccurredAt());
    Set<String> expected =
        truth.expected(
            e, ledger.inForce(e.getStaffId()), visitors.optedOut(e.getVisitorId()), bulkCrossed);
    Set<String> intended = draft.intended() == null ? Set.of() : Set.of(draft.intended().name());
    if (!expected.equals(intended)) {
      throw new IllegalStateException(
          "simulator bug: access "
              + e
              + " was built to raise "
              + intended
              + " but raises "
              + expected);
    }
    outbox.add(new SimulatedRecord.Access(e, expected, outbox.latePending(e.getStaffId())));
  }
}
