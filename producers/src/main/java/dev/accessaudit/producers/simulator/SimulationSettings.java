package dev.accessaudit.producers.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the {@link TrafficSimulator} generates. Build with {@link #builder()}; {@link #defaults()}
 * is 200 staff, 100,000 visitors, 20 events per simulated second, 10% violations spread evenly over
 * every rule, 3% late agreements.
 *
 * @param staffCount staff members, ids {@code s-0001} up to {@code s-9999}
 * @param visitorCount visitors, ids {@code v-000001} on
 * @param eventsPerSecond mean access events per second of simulated time
 * @param violationFraction share of access events that are deliberate violations, 0 to 1
 * @param violationMix relative weight of each kind of violation; rules left out never occur
 * @param extendedRules whether rules beyond the four agreement rules are generated
 * @param lateAgreementFraction share of agreement changes sent after the events they govern
 * @param maxAgreementDelay how far, in simulated time, a late agreement may trail its time
 * @param policy2009From when the 2009 policy replaces the 2005 one
 * @param start the first event's time; null means the clock's instant
 * @param agreementChurn chance, per access event, that some staff agreement changes
 * @param consentChurn chance, per access event, that some visitor changes their marketing choice
 */
public record SimulationSettings(
    int staffCount,
    int visitorCount,
    double eventsPerSecond,
    double violationFraction,
    Map<RuleId, Double> violationMix,
    boolean extendedRules,
    double lateAgreementFraction,
    Duration maxAgreementDelay,
    Instant policy2009From,
    Instant start,
    double agreementChurn,
    double consentChurn) {

  /** When the 2005 policy came into force; the simulator generates nothing earlier. */
  public static final Instant POLICY_2005_FROM = Instant.parse("2005-12-19T00:00:00Z");

  /** The default start of the 2009 policy. */
  public static final Instant POLICY_2009_FROM = Instant.parse("2009-01-01T00:00:00Z");

  public SimulationSettings {
    check(staffCount >= 10 && staffCount <= 9999, "staffCount must be between 10 and 9999");
    check(visitorCount >= 1000 && visitorCount <= 999_999, "visitorCount must be 1000 to 999999");
    check(eventsPerSecond > 0, "eventsPerSecond must be positive");
    check(violationFraction >= 0 && violationFraction <= 1, "violationFraction must be 0 to 1");
    check(lateAgreementFraction >= 0 && lateAgreementFraction <= 1, "lateAgreementFraction 0-1");
    check(agreementChurn >= 0 && agreementChurn <= 1, "agreementChurn must be 0 to 1");
    check(consentChurn >= 0 && consentChurn <= 1, "consentChurn must be 0 to 1");
    violationMix = Map.copyOf(Objects.requireNonNull(violationMix, "violationMix"));
    check(violationMix.values().stream().allMatch(w -> w >= 0), "mix weights must be >= 0");
    check(!maxAgreementDelay.isNegative(), "maxAgreementDelay must not be negative");
    Objects.requireNonNull(policy2009From, "policy2009From");
    check(start == null || !start.isBefore(POLICY_2005_FROM), "start must be 2005-12-19 or later");
  }

  /** The default settings. */
  public static SimulationSettings defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The policy version in force at {@code t}: "2005" or "2009". */
  public String policyVersionAt(Instant t) {
    return t.isBefore(policy2009From) ? "2005" : "2009";
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Builds {@link SimulationSettings}; every setter has the default described there. */
  public static final class Builder {
    private int staffCount = 200;
    private int visitorCount = 100_000;
    private double eventsPerSecond = 20;
    private double violationFraction = 0.10;
    private final Map<RuleId, Double> mix = new EnumMap<>(RuleId.class);
    private boolean extendedRules = true;
    private double lateAgreementFraction = 0.03;
    private Duration maxAgreementDelay = Duration.ofSeconds(5);
    private Instant policy2009From = POLICY_2009_FROM;
    private Instant start;
    private double agreementChurn = 0.01;
    private double consentChurn = 0.005;

    private Builder() {
      onlyRules(RuleId.ALL);
    }

    public Builder staffCount(int n) {
      staffCount = n;
      return this;
    }

    public Builder visitorCount(int n) {
      visitorCount = n;
      return this;
    }

    public Builder eventsPerSecond(double rate) {
      eventsPerSecond = rate;
      return this;
    }

    public Builder violationFraction(double fraction) {
      violationFraction = fraction;
      return this;
    }

    /** Violations only of these rules, equally weighted, e.g. {@link RuleId#AGREEMENT_RULES}. */
    public Builder onlyRules(Collection<RuleId> rules) {
      mix.clear();
      rules.forEach(r -> mix.put(r, 1.0));
      return this;
    }

    /** Relative weight of each rule's violations; rules left out never occur. */
    public Builder violationMix(Map<RuleId, Double> weights) {
      mix.clear();
      mix.putAll(weights);
      return this;
    }

    public Builder extendedRules(boolean on) {
      extendedRules = on;
      return this;
    }

    public Builder lateAgreementFraction(double fraction) {
      lateAgreementFraction = fraction;
      return this;
    }

    public Builder maxAgreementDelay(Duration delay) {
      maxAgreementDelay = delay;
      return this;
    }

    public Builder policy2009From(Instant t) {
      policy2009From = t;
      return this;
    }

    /** The first event's time instead of the clock's instant. */
    public Builder start(Instant t) {
      start = t;
      return this;
    }

    public Builder agreementChurn(double chance) {
      agreementChurn = chance;
      return this;
    }

    public Builder consentChurn(double chance) {
      consentChurn = chance;
      return this;
    }

    public SimulationSettings build() {
      return new SimulationSettings(
          staffCount,
          visitorCount,
          eventsPerSecond,
          violationFraction,
          mix,
          extendedRules,
          lateAgreementFraction,
          maxAgreementDelay,
          policy2009From,
          start,
          agreementChurn,
          consentChurn);
    }
  }
}
