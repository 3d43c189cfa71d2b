package dev.accessaudit.producers.simulator;

import dev.accessaudit.avro.AccessEvent;
import java.time.Instant;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Decides each access: a compliant one, or a deliberate breach of exactly one rule by an otherwise
 * compliant access. Puts staff agreements and visitor consents into the state the access needs.
 */
final class AccessPlanner {

  /** An access and the one rule it was built to break (null when built to be compliant). */
  record Draft(AccessEvent event, RuleId intended) {}

  /** Share of compliant accesses a bulk burst takes over while it runs. */
  private static final double BURST_SHARE = 0.2;

  private final SimulationSettings settings;
  private final Population population;
  private final AgreementLedger ledger;
  private final StaffLifecycle lifecycle;
  private final Visitors visitors;
  private final BulkCounter bulk;
  private final BulkBurst burst = new BulkBurst();
  private final EventFactory factory;
  private final Random random;

  AccessPlanner(
      SimulationSettings settings,
      Population population,
      AgreementLedger ledger,
      Visitors visitors,
      BulkCounter bulk,
      Random random) {
    this.settings = settings;
    this.population = population;
    this.ledger = ledger;
    this.lifecycle = new StaffLifecycle(population, ledger, random);
    this.visitors = visitors;
    this.bulk = bulk;
    this.factory = new EventFactory(random);
    this.random = random;
  }

  StaffLifecycle lifecycle() {
    return lifecycle;
  }

  /** Staff that background changes must leave alone at {@code at}. */
  Predicate<StaffMember> reserved(Instant at) {
    return m -> burst.excludes(m, at);
  }

  /** Staff who may do compliant work at {@code at}, apart from their agreement. */
  private Predicate<StaffMember> eligible(Instant at) {
    boolean policy2005 = settings.policyVersionAt(at).equals("2005");
    return m -> !burst.excludes(m, at) && (!policy2005 || m.isEmployee());
  }

  Draft compliant(Instant at) {
    if (burst.active() && Draw.chance(random, BURST_SHARE)) {
      Draft d = burstAccess(at, null);
      if (d != null) {
        return d;
      }
    }
    ServiceProfile p = ServiceCatalog.pick(random, x -> true);
    StaffMember m = lifecycle.inOrder(at, eligible(at).and(s -> !p.ukOnly() || s.inGreatBritain()));
    return draft(p, m, at, null, b -> {});
  }

  /** An access breaking {@code rule}, or null when none can be made now. */
  Draft violation(RuleId rule, Instant at) {
    Predicate<StaffMember> who = eligible(at);
    return switch (rule) {
      case AGREEMENT_MISSING, AGREEMENT_REVOKED, AGREEMENT_EXPIRED, AGREEMENT_PENDING ->
          agreementBreach(rule, at, who);
      case FINANCIAL_OUTSIDE_TRANSACTION ->
          breach(ServiceCatalog.BILLING, who, at, rule, factory::financialOutsideTransaction);
      case EXTERNAL_DISCLOSURE ->
          breach(ServiceCatalog.CRM_CONTACT, who, at, rule, factory::externalDisclosure);
      case IP_ADDRESS_MISUSE -> breach(ServiceCatalog.OPS, who, at, rule, factory::ipAddressMisuse);
      case UNENCRYPTED_TRANSFER ->
          breach(ServiceCatalog.CRM_CONTACT, who, at, rule, factory::unencryptedTransfer);
      case MARKETING_AFTER_OPT_OUT -> breach(ServiceCatalog.MAILER, who, at, rule, b -> {});
      case REGION_RESTRICTED_DATA -> regionBreach(at, who);
      case NON_EMPLOYEE_ACCESS -> nonEmployeeAccess(at);
      case BULK_ACCESS -> bulkBreach(at, who);
    };
  }

  private Draft agreementBreach(RuleId rule, Instant at, Predicate<StaffMember> who) {
    StaffMember m = lifecycle.withAgreementRule(rule, at, who.and(StaffMember::isEmployee));
    ServiceProfile p = m == null ? null : ServiceCatalog.pick(random, fitFor(m));
    return draft(p, m, at, rule, b -> {});
  }

  private Draft breach(
      ServiceProfile p,
      Predicate<StaffMember> who,
      Instant at,
      RuleId rule,
      Consumer<AccessEvent.Builder> how) {
    return draft(p, lifecycle.inOrder(at, who), at, rule, how);
  }

  private Draft regionBreach(Instant at, Predicate<StaffMember> who) {
    StaffMember m = lifecycle.inOrder(at, who.and(s -> !s.inGreatBritain()));
    ServiceProfile p =
        Draw.chance(random, 0.5) ? ServiceCatalog.SUPPORT_CHAT : ServiceCatalog.CALL_CENTRE;
    return draft(p, m, at, RuleId.REGION_RESTRICTED_DATA, b -> {});
  }

  private Draft nonEmployeeAccess(Instant at) {
    StaffMember m = lifecycle.inOrder(at, s -> !s.isEmployee() && !burst.excludes(s, at));
    ServiceProfile p = m == null ? null : ServiceCatalog.pick(random, fitFor(m));
    return draft(p, m, at, RuleId.NON_EMPLOYEE_ACCESS, b -> {});
  }

  private Draft bulkBreach(Instant at, Predicate<StaffMember> who) {
    if (!burst.active()) {
      StaffMember m = lifecycle.inOrder(at, who.and(s -> !s.id().equals("s-0001")));
      if (m != null) {
        burst.start(m);
      }
      return null;
    }
    return burstAccess(at, RuleId.BULK_ACCESS);
  }

  /** The burst target touches a new visitor; null when the burst cannot go on right now. */
  private Draft burstAccess(Instant at, RuleId intended) {
    StaffMember m = burst.target();
    if (!ledger.inOrder(m, at) || !eligibleIgnoringBurst(m, at)) {
      burst.abandon(at);
      return null;
    }
    if (BulkCounter.windowStart(at) != BulkCounter.windowStart(at.plusMillis(1))) {
      return null; // the access may move a millisecond, into the next window
    }
    int wanted = intended == null ? GroundTruth.BULK_THRESHOLD - 1 : GroundTruth.BULK_THRESHOLD;
    if (intended == null
        ? bulk.distinct(m.id(), at) > wanted
        : bulk.distinct(m.id(), at) != wanted) {
      return null;
    }
    String visitor = visitors.unseen(m, at, bulk);
    AccessEvent e = factory.compliant(ServiceCatalog.CRM_CONTACT, m, visitor, at).build();
    if (intended != null) {
      burst.complete(at);
    }
    return new Draft(e, intended);
  }

  private boolean eligibleIgnoringBurst(StaffMember m, Instant at) {
    return m.isEmployee() || !settings.policyVersionAt(at).equals("2005");
  }

  private Predicate<ServiceProfile> fitFor(StaffMember m) {
    return p -> !p.ukOnly() || m.inGreatBritain();
  }

  private Draft draft(
      ServiceProfile p, StaffMember m, Instant at, RuleId rule, Consumer<AccessEvent.Builder> how) {
    if (p == null || m == null) {
      return null;
    }
    String visitor =
        !p.marketing()
            ? population.bookVisitor(m, random)
            : visitors.withMarketingChoice(m, rule == RuleId.MARKETING_AFTER_OPT_OUT, at);
    AccessEvent.Builder b = factory.compliant(p, m, visitor, at);
    how.accept(b);
    return new Draft(b.build(), rule);
  }
}
