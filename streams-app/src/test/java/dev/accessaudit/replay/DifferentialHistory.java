package dev.accessaudit.replay;

import dev.accessaudit.avro.AccessAction;
import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.DataCategory;
import dev.accessaudit.avro.EmploymentType;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.avro.VisitorConsent;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.policy.PolicyRule;
import dev.accessaudit.streams.policy.PolicyVersion;
import dev.accessaudit.streams.rules.data.IpAddressMisuseRule;
import dev.accessaudit.streams.topology.PipelineOptions;
import dev.accessaudit.streams.topology.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A seeded, randomized audit history for {@link LiveReplayDifferentialIT}, published in steps, each
 * of which the live pipeline finishes before the next is published. The same seed and size always
 * give the same steps, so a difference can be explained by generating the history again.
 *
 * <p>It covers 24 days around the 2009-01-01 change of the shipped policy (so every rule of both
 * versions can fire), one cycle per day: an access step (a fence, old duplicates, the day's
 * traffic, scenario accesses, bad records), on every other day a double fence, then a state step
 * (agreements and consents published late, early, out of order or scheduled ahead, tombstones, bad
 * state records). The traffic: 2,000 staff members with every kind of agreement history, 100,000
 * visitors, some of whom opt out; most accesses comply, a few break a data rule; bulk bursts across
 * window edges; repeats of a suppressed rule; duplicates inside and beyond the de-duplication
 * window; undecodable, wrongly keyed and invalid records; a restart of the live pipeline during one
 * access step.
 *
 * <h2>Why steps, and what makes them comparable</h2>
 *
 * The replay feeds the recorded topics in timestamp order; the live pipeline reads whatever has
 * arrived. They agree when each step's record times (the extracted times: occurredAt for accesses,
 * the publish time for state records) all lie after the previous step's, and when nothing inside a
 * step depends on how its partitions interleave. The history is shaped for that:
 *
 * <ul>
 *   <li><b>Order inside a step.</b> An access step holds no state record, and a state step no
 *       access, so no state record can race the release of an access from the grace buffer. Only
 *       the bulk counts and the suppression of repeats depend on the order in which accesses reach
 *       the judge, and accesses that need the visitor's consent come back to it through two
 *       repartition topics, at a time that differs live (asynchronous) and in the replay
 *       (synchronous). So the staff members of bulk bursts and of suppressed repeats never make
 *       such accesses, and the suppressed rule (IP_ADDRESS_MISUSE) never fires for them.
 *   <li><b>Old records.</b> A duplicate of an old event carries its old time. Each access step
 *       starts with a fence (an access of a ticker staff member at the step's start, on every
 *       partition), then the old duplicates: so the replay has fed every earlier record of the
 *       partition's task when it feeds them, and the stream time they see is the fence's, live and
 *       in the replay alike (the replay's drivers also count consents in their stream time).
 *   <li><b>Wall clock.</b> Live, the grace buffer is also released by the wall clock; the replay's
 *       wall clock stands still. The grace is an hour, longer than the test runs, so only stream
 *       time releases accesses, as in the replay.
 *   <li><b>Late state records.</b> A record meant to arrive within the grace targets accesses
 *       placed in the last half hour of a plain day's access step, so they still wait in the grace
 *       buffer (stream time has not passed them by the grace) when the state step comes. A record
 *       meant to correct targets accesses judged hours before. Agreement records published late
 *       concern staff members who never need the visitor's consent, for whom the staff member's
 *       partition task is the same live and in a replay driver; but for one scenario ({@link
 *       #BETWEEN_BUFFERS}), where it arrives while an access needing consent waits between its two
 *       grace buffers, which is the one difference by design the test accounts for.
 *   <li><b>Late consents.</b> Live, an access needing consent waits a second time in the consent
 *       buffer of the visitor's partition task, whose stream time moves with the accesses released
 *       to it, not with the staff member's partition; in the replay both waits end together. So a
 *       consent published late beyond the grace comes in a state step after a double fence: one
 *       consent-needing ticker access per visitor partition an hour after the day's last access,
 *       then one access per staff partition an hour later, which releases the first ones to every
 *       visitor partition and so every access needing consent, live as in the replay. Late consents
 *       within the grace target accesses still in the first (staff) buffer on a plain day.
 *   <li><b>Horizons and windows.</b> Records beyond the correction horizon are days beyond it, and
 *       duplicates inside or beyond the de-duplication window are days inside or beyond it, so the
 *       exact stream time of a store (which differs slightly live and in the replay) never decides.
 *   <li><b>Records out of time.</b> The bad records of an access step sit at random places with
 *       times from anywhere in the day, so some move their partition's stream time hours ahead of
 *       the accesses after them, which are then released at once, in arrival order, and may repeat
 *       a suppressed alert after its window has ended in stream time.
 * </ul>
 */
final class DifferentialHistory {

  static final int PARTITIONS = 3;
  static final Instant START = Instant.parse("2008-12-16T00:00:00Z");
  static final int DAYS = 24;

  /** The compared period: from one de-duplication window and more after the start. */
  static final Instant FROM = START.plus(Duration.ofDays(8)).plus(Duration.ofMinutes(30));

  static final Instant TO = START.plus(Duration.ofDays(22));
  static final Duration GRACE = Duration.ofHours(1);
  static final Duration SUPPRESSION = Duration.ofHours(6);
  static final String SUPPRESSED_RULE = IpAddressMisuseRule.ID;

  /**
   * The scenario of an agreement record arriving while an access needing consent waits for the
   * consent (see {@link LiveReplayDifferentialIT} for how live and the replay differ there).
   */
  static final String BETWEEN_BUFFERS = "agreement revoked, access between its buffers";

  /** The day during whose access step the live pipeline is restarted. */
  static final int RESTART_DAY = 14;

  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration PLAIN_TAIL = Duration.ofMinutes(15);
  private static final Duration FENCED_TAIL = Duration.ofMinutes(150);
  private static final int STAFF = 2_000;
  private static final int VISITORS = 100_000;
  private static final long JITTER_MS = 180_000;
  private static final long MINUTE = 60_000;
  private static final long HOUR = 60 * MINUTE;
  private static final int[] BULK_DAYS = {5, 8, 10, 12, 14, 16, 19};
  private static final int SUPPRESSION_PAIRS = 3;
  private static final Duration SUPPRESSION_RHYTHM = Duration.ofHours(13);
  private static final String MARKETER = "s-marketer";

  private static final DataCategory[] COMPLIANT = {
    DataCategory.CONTACT_INFO,
    DataCategory.CONTACT_INFO,
    DataCategory.UNIQUE_IDENTIFIER,
    DataCategory.COOKIE,
    DataCategory.FINANCIAL,
    DataCategory.IP_ADDRESS,
    DataCategory.LIVE_CHAT,
    DataCategory.TELEPHONE_RECORDING
  };
  private static final AccessAction[] ACTIONS = {
    AccessAction.VIEW,
    AccessAction.VIEW,
    AccessAction.VIEW,
    AccessAction.MODIFY,
    AccessAction.EXPORT
  };
  private static final List<String> SERVICES = List.of("crm", "billing", "support", "web");

  /**
   * One record to publish.
   *
   * @param key the record key; null for none
   * @param value an Avro record, raw bytes (undecodable), or null (a tombstone)
   * @param timestamp the record timestamp: occurredAt for an access, the publish time otherwise
   */
  record Outgoing(String topic, String key, Object value, long timestamp) {}

  /**
   * Records the live pipeline processes completely before the next step is published.
   *
   * @param restartMidway whether the live pipeline is restarted while it processes this step
   */
  record Step(String name, List<Outgoing> records, boolean restartMidway) {

    long count(String topic) {
      return records.stream().filter(r -> r.topic().equals(topic)).count();
    }
  }

  /** What should become of one alert of a scenario access, checked on the live alerts. */
  enum Outcome {
    /** raised when the access was judged, never corrected, and it stands */
    STANDS,
    /** raised by a correction (a late state record), and it stands */
    RAISED_BY_CORRECTION,
    /** raised, then retracted by a correction */
    RETRACTED,
    /** never raised */
    NONE
  }

  /** An access of a scenario and what should become of its alert for {@code ruleId}. */
  record Expectation(String scenario, String eventId, String ruleId, Outcome outcome) {}

  @FunctionalInterface
  interface StepSink {
    void accept(Step step) throws Exception;
  }

  private final long seed;
  private final int periodEvents;
  private final TopicNames topics;

  /**
   * @param periodEvents how many regular accesses to generate in the compared period (the history
   *     holds more: the days before and after it, and the scenarios')
   */
  DifferentialHistory(long seed, int periodEvents, TopicNames topics) {
    this.seed = seed;
    this.periodEvents = periodEvents;
    this.topics = topics;
  }

  /** The shipped policy, with repeats of IP_ADDRESS_MISUSE folded for six hours (it folds none). */
  static Policy policy() {
    Policy shipped = ReplayPolicy.builtIn().policy();
    return new Policy(
        shipped.versions().stream()
            .map(
                v ->
                    new PolicyVersion(
                        v.name(),
                        v.effectiveFrom(),
                        v.description(),
                        v.rules().stream().map(DifferentialHistory::folded).toList()))
            .toList());
  }

  private static PolicyRule folded(PolicyRule rule) {
    return rule.ruleId().equals(SUPPRESSED_RULE)
        ? new PolicyRule(
            rule.rule(), rule.severity(), rule.clause(), rule.parameters(), SUPPRESSION)
        : rule;
  }

  /** The pipeline's defaults but an hour's grace: see the class comment (wall clock). */
  static PipelineOptions options() {
    return PipelineOptions.defaults().withGrace(GRACE);
  }

  /** Generates every step, in order, into {@code sink}. */
  void generate(StepSink sink) throws Exception {
    new Run(sink).all();
  }

  /** The scenario accesses and what should become of them (generates the history once). */
  List<Expectation> expectations() throws Exception {
    Run run = new Run(step -> {});
    run.all();
    return run.expectations;
  }

  private static Instant day(int d) {
    return START.plus(DAY.multipliedBy(d));
  }

  private static boolean fenced(int d) {
    return d % 2 == 1;
  }

  /** The end (exclusive) of day {@code d}'s access times. */
  private static long accessEnd(int d) {
    return day(d + 1).minus(fenced(d) ? FENCED_TAIL : PLAIN_TAIL).toEpochMilli();
  }

  private static boolean inAccessSpan(long time) {
    long d = Math.floorDiv(time - START.toEpochMilli(), DAY.toMillis());
    return d >= 0
        && d < DAYS
        && time > day((int) d).toEpochMilli()
        && time < accessEnd((int) d) - 1_000;
  }

  /** The first string {@code prefix + i} the default partitioner puts on each partition. */
  private static String[] perPartition(String prefix) {
    String[] byPartition = new String[PARTITIONS];
    int found = 0;
    for (int i = 0; found < PARTITIONS; i++) {
      String key = prefix + i;
      int p = Scenario.partitionOf(key, PARTITIONS);
      if (byPartition[p] == null) {
        byPartition[p] = key;
        found++;
      }
    }
    return byPartition;
  }

  /** One generation of the history; all its randomness comes from the seed. */
  private final class Run {

    private final StepSink sink;
    private final SplittableRandom random = new SplittableRandom(seed);
    private final String[] tickStaff = perPartition("s-tick-");
    private final String[] tickVisitors = perPartition("v-tick-");
    private final Map<Integer, List<Outgoing>> plannedState = new HashMap<>();
    private final Map<Integer, List<AccessEvent>> plannedDuplicates = new HashMap<>();
    private final Map<Integer, List<AccessEvent>> samples = new HashMap<>();
    private final Map<Integer, List<AccessEvent>> suppressed = new HashMap<>();
    private final List<Expectation> expectations = new ArrayList<>();
    private final double periodRate;
    private final double outsideRate;
    private Set<Long> usedTimes = new HashSet<>();
    private long nextEvent;

    Run(StepSink sink) {
      this.sink = sink;
      long periodSpan = 0;
      for (int d = 0; d < DAYS; d++) {
        periodSpan += overlap(day(d).toEpochMilli(), accessEnd(d), FROM, TO);
      }
      this.periodRate = periodEvents * 1.02 / periodSpan;
      this.outsideRate = periodRate / 8;
      suppressionSchedule();
    }

    void all() throws Exception {
      sink.accept(setup());
      for (int d = 0; d < DAYS; d++) {
        usedTimes = new HashSet<>();
        StateStep state = new StateStep(d);
        sink.accept(accessStep(d, state));
        if (fenced(d)) {
          sink.accept(firstFence(d));
          sink.accept(secondFence(d));
        }
        sink.accept(state.step());
      }
    }

    // ---------------------------------------------------------------- setup

    /** Every agreement and the initial consents, published the day before the history. */
    private Step setup() {
      StateStep s = new StateStep(START.minus(DAY).toEpochMilli(), "setup");
      Instant longAgo = START.minus(Duration.ofDays(400));
      for (int i = 0; i < STAFF; i++) {
        regularAgreements(s, staffId(i), longAgo);
      }
      for (String tick : tickStaff) {
        s.agreement(agreement(tick, AgreementStatus.ACTIVE, longAgo));
      }
      s.agreement(agreement(MARKETER, AgreementStatus.ACTIVE, longAgo));
      for (int d = 0; d < DAYS; d++) {
        for (String role : List.of("wr", "br", "be", "oo", "tb", "hz", "cf")) {
          s.agreement(agreement(lateStaff(d, role), AgreementStatus.ACTIVE, longAgo));
        }
        s.agreement(agreement(lateStaff(d, "ba"), AgreementStatus.PENDING, longAgo));
        // "wa" has no agreement on record until one arrives late
        s.agreement(agreement("s-bulk-" + d, AgreementStatus.ACTIVE, longAgo));
        s.consent(consent(lateVisitor(d, "wi"), true, longAgo));
        s.consent(consent(lateVisitor(d, "bi"), true, longAgo));
      }
      for (int k = 0; k < SUPPRESSION_PAIRS; k++) {
        s.agreement(agreement("s-sup-" + k, AgreementStatus.ACTIVE, longAgo));
      }
      for (int v = 0; v < VISITORS; v++) {
        if (random.nextInt(100) < 3) {
          s.consent(consent(visitorId(v), true, START.minus(Duration.ofDays(365))));
        }
      }
      return s.step();
    }

    /**
     * A regular staff member's agreements: most active employees; some contractors or vendors, none
     * on record, unknown, pending until a date, expiring, or revoked or expired from a date
     * (scheduled ahead, published out of order: the later change first).
     */
    private void regularAgreements(StateStep s, String staff, Instant longAgo) {
      int kind = random.nextInt(100);
      Instant sometime = START.plusMillis(random.nextLong(DAY.multipliedBy(DAYS).toMillis()));
      if (kind < 3) {
        return;
      } else if (kind < 4) {
        s.agreement(agreement(staff, AgreementStatus.UNKNOWN, longAgo));
      } else if (kind < 9) {
        EmploymentType type = kind < 7 ? EmploymentType.CONTRACTOR : EmploymentType.VENDOR;
        s.agreement(
            StaffAgreement.newBuilder(agreement(staff, AgreementStatus.ACTIVE, longAgo))
                .setEmployment(type)
                .build());
      } else if (kind < 12) {
        s.agreement(agreement(staff, AgreementStatus.ACTIVE, sometime));
        s.agreement(agreement(staff, AgreementStatus.PENDING, longAgo));
      } else if (kind < 15) {
        s.agreement(
            StaffAgreement.newBuilder(agreement(staff, AgreementStatus.ACTIVE, longAgo))
                .setExpiresAt(sometime)
                .build());
      } else if (kind < 18) {
        s.agreement(agreement(staff, AgreementStatus.REVOKED, sometime));
        s.agreement(agreement(staff, AgreementStatus.ACTIVE, longAgo));
      } else if (kind < 20) {
        s.agreement(agreement(staff, AgreementStatus.EXPIRED, sometime));
        s.agreement(agreement(staff, AgreementStatus.ACTIVE, longAgo));
      } else {
        s.agreement(agreement(staff, AgreementStatus.ACTIVE, longAgo));
      }
    }

    // ---------------------------------------------------------------- access steps

    private Step accessStep(int d, StateStep state) {
      List<Outgoing> out = new ArrayList<>();
      long start = day(d).toEpochMilli();
      for (int p = 0; p < PARTITIONS; p++) {
        out.add(access(ticker(tickStaff[p], start + p, "v-tick-fence")));
      }
      oldDuplicates(d).forEach(e -> out.add(access(e)));
      int head = out.size();
      TreeMap<Long, List<Outgoing>> timed = new TreeMap<>();
      regularTraffic(d, timed);
      scenarios(d, state, timed);
      timed.values().forEach(out::addAll);
      badRecords(d, out, head);
      return new Step("day " + d + " accesses", out, d == RESTART_DAY);
    }

    /** The day's regular accesses, denser in the compared period, with retries. */
    private void regularTraffic(int d, TreeMap<Long, List<Outgoing>> timed) {
      long start = day(d).toEpochMilli();
      long end = accessEnd(d);
      long inPeriod = overlap(start, end, FROM, TO);
      long count = Math.round(inPeriod * periodRate + (end - start - inPeriod) * outsideRate);
      for (long i = 0; i < count; i++) {
        long base = start + 1_000 + (end - start - 2_000) * i / count;
        long time = freeTime(clamp(base + random.nextLong(-JITTER_MS, JITTER_MS), d));
        AccessEvent e = regularAccess(time);
        List<Outgoing> at = timed.computeIfAbsent(base, b -> new ArrayList<>());
        at.add(access(e));
        if (random.nextInt(500) == 0) {
          at.add(access(e)); // a producer retry: a duplicate inside the window
        }
        if (random.nextInt(150) == 0) {
          List<AccessEvent> sample = samples.computeIfAbsent(d, k -> new ArrayList<>());
          if (sample.size() < 60) {
            sample.add(e);
          }
        }
      }
    }

    private AccessEvent regularAccess(long time) {
      AccessEvent.Builder e =
          event(time, staffId(random.nextInt(STAFF)), visitorId(random.nextInt(VISITORS)));
      if (random.nextInt(100) < 4) {
        return violation(e);
      }
      DataCategory category = COMPLIANT[random.nextInt(COMPLIANT.length)];
      AccessPurpose purpose =
          switch (category) {
            case FINANCIAL -> AccessPurpose.TRANSACTION_PROCESSING;
            case IP_ADDRESS -> AccessPurpose.SERVER_DIAGNOSTICS;
            case CONTACT_INFO ->
                random.nextInt(10) == 0 ? AccessPurpose.MARKETING : AccessPurpose.CUSTOMER_CONTACT;
            default -> AccessPurpose.CUSTOMER_CONTACT;
          };
      return e.setCategory(category)
          .setPurpose(purpose)
          .setTransactionId(category == DataCategory.FINANCIAL ? "tx-" + e.getEventId() : null)
          .build();
    }

    /** An access breaking one data rule (never the suppressed one: see the class comment). */
    private AccessEvent violation(AccessEvent.Builder e) {
      switch (random.nextInt(4)) {
        case 0 -> e.setCategory(DataCategory.FINANCIAL).setPurpose(AccessPurpose.CUSTOMER_CONTACT);
        case 1 ->
            e.setAction(AccessAction.DISCLOSE)
                .setRecipient("partner-" + random.nextInt(20) + ".example");
        case 2 ->
            e.setCategory(DataCategory.FINANCIAL)
                .setPurpose(AccessPurpose.TRANSACTION_PROCESSING)
                .setTransactionId("tx-" + e.getEventId())
                .setAction(AccessAction.EXPORT)
                .setEncryptedInTransit(false);
        default ->
            e.setCategory(
                    random.nextBoolean()
                        ? DataCategory.LIVE_CHAT
                        : DataCategory.TELEPHONE_RECORDING)
                .setStaffOffice(random.nextBoolean() ? "US" : "IE");
      }
      return e.build();
    }

    /**
     * Copies of earlier accesses: inside the de-duplication window (one to five days old), beyond
     * it (nine days and more), and the planned ones whose state changed meanwhile.
     */
    private List<AccessEvent> oldDuplicates(int d) {
      List<AccessEvent> copies = new ArrayList<>(plannedDuplicates.getOrDefault(d, List.of()));
      for (int i = 0; i < 8; i++) {
        pick(d - 1 - random.nextInt(5)).ifPresent(copies::add);
        if (d >= 9) {
          pick(random.nextInt(d - 8)).ifPresent(copies::add);
        }
      }
      return copies;
    }

    private java.util.Optional<AccessEvent> pick(int fromDay) {
      List<AccessEvent> sample = samples.getOrDefault(fromDay, List.of());
      return sample.isEmpty()
          ? java.util.Optional.empty()
          : java.util.Optional.of(sample.get(random.nextInt(sample.size())));
    }

    /**
     * Undecodable, wrongly keyed, keyless, invalid records and a tombstone among the accesses,
     * after the first {@code head} records (the fences and old duplicates).
     */
    private void badRecords(int d, List<Outgoing> out, int head) {
      long start = day(d).toEpochMilli();
      long span = accessEnd(d) - start;
      String staff = staffId(random.nextInt(STAFF));
      insert(
          out,
          head,
          new Outgoing(
              topics.accessEvents(),
              staff,
              "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8),
              start + random.nextLong(span)));
      AccessEvent wrong = regularAccess(freeTime(start + 1_000 + random.nextLong(span - 2_000)));
      insert(
          out,
          head,
          new Outgoing(
              topics.accessEvents(),
              staffId(random.nextInt(STAFF)),
              wrong,
              at(wrong).toEpochMilli()));
      AccessEvent invalid =
          AccessEvent.newBuilder(
                  regularAccess(freeTime(start + 1_000 + random.nextLong(span - 2_000))))
              .setStaffOffice("UK")
              .build();
      insert(out, head, access(invalid));
      if (d % 4 == 0) {
        AccessEvent keyless =
            regularAccess(freeTime(start + 1_000 + random.nextLong(span - 2_000)));
        insert(
            out,
            head,
            new Outgoing(topics.accessEvents(), null, keyless, at(keyless).toEpochMilli()));
        insert(
            out,
            head,
            new Outgoing(topics.accessEvents(), staff, null, start + random.nextLong(span)));
      }
    }

    /** Inserts at a random place after the first {@code head} records. */
    private void insert(List<Outgoing> out, int head, Outgoing record) {
      out.add(head + random.nextInt(out.size() - head + 1), record);
    }

    // ---------------------------------------------------------------- scenarios

    private void scenarios(int d, StateStep state, TreeMap<Long, List<Outgoing>> timed) {
      long end = accessEnd(d);
      long start = day(d).toEpochMilli();
      suppressed.getOrDefault(d, List.of()).forEach(e -> put(timed, e));
      if (java.util.Arrays.stream(BULK_DAYS).anyMatch(b -> b == d)) {
        bulkBurst(d, timed);
      }
      if (!fenced(d)) {
        lateWithinGrace(d, state, timed, end);
      } else {
        lateConsentsBeyondGrace(d, state, timed, end);
      }
      lateAgreementsBeyondGrace(d, state, timed, end);
      scheduledAndRemoved(d, state, timed, start);
      beyondHorizon(d, timed, start);
      earlyStateRecords(state);
    }

    /**
     * Plain days: records that arrive late but within the grace, for accesses in the last half hour
     * of the access step, which still wait in the (staff) grace buffer when they come.
     */
    private void lateWithinGrace(
        int d, StateStep state, TreeMap<Long, List<Outgoing>> timed, long end) {
      String revoked = lateStaff(d, "wr");
      put(timed, scenario(revoked, end - 6 * HOUR, visitorId(random.nextInt(VISITORS))));
      AccessEvent wr = put(timed, scenario(revoked, end - 30 * MINUTE, visitor()));
      state.agreement(agreement(revoked, AgreementStatus.REVOKED, at(wr).minusMillis(5 * MINUTE)));
      expect("agreement revoked, within the grace", wr, "AGREEMENT_REVOKED", Outcome.STANDS);

      String signed = lateStaff(d, "wa");
      AccessEvent wa = put(timed, scenario(signed, end - 28 * MINUTE, visitor()));
      state.agreement(agreement(signed, AgreementStatus.ACTIVE, at(wa).minus(DAY)));
      expect("agreement signed, within the grace", wa, "AGREEMENT_MISSING", Outcome.NONE);

      String optOut = lateVisitor(d, "wo");
      AccessEvent wo = put(timed, marketing(end - 25 * MINUTE, optOut));
      state.consent(consent(optOut, true, at(wo).minusMillis(10 * MINUTE)));
      expect("opted out, within the grace", wo, "MARKETING_AFTER_OPT_OUT", Outcome.STANDS);

      // an access needing consent, released by the staff buffer about when the access step ends,
      // so live it still waits in the consent buffer of its visitor's partition when a revocation
      // comes (in the replay, whose repartition round trip is synchronous, it is judged already)
      String inFlight = lateStaff(d, "cf");
      AccessEvent cf = put(timed, marketingBy(inFlight, end - 70 * MINUTE, lateVisitor(d, "cf")));
      state.agreement(
          agreement(inFlight, AgreementStatus.REVOKED, at(cf).minusMillis(10 * MINUTE)));
      expect(BETWEEN_BUFFERS, cf, "AGREEMENT_REVOKED", Outcome.STANDS);

      String optIn = lateVisitor(d, "wi");
      AccessEvent wi = put(timed, marketing(end - 27 * MINUTE, optIn));
      state.consent(consent(optIn, false, at(wi).minusMillis(10 * MINUTE)));
      expect("opted in, within the grace", wi, "MARKETING_AFTER_OPT_OUT", Outcome.NONE);
    }

    /**
     * Fenced days: consents published after the double fence, hours after accesses that were judged
     * without them: an opt-out raises an alert, an opt-in retracts one.
     */
    private void lateConsentsBeyondGrace(
        int d, StateStep state, TreeMap<Long, List<Outgoing>> timed, long end) {
      String optOut = lateVisitor(d, "bo");
      AccessEvent bo = put(timed, marketing(end - 6 * HOUR, optOut));
      state.consent(consent(optOut, true, at(bo).minusMillis(10 * MINUTE)));
      expect(
          "opted out, beyond the grace",
          bo,
          "MARKETING_AFTER_OPT_OUT",
          Outcome.RAISED_BY_CORRECTION);

      String optIn = lateVisitor(d, "bi");
      AccessEvent bi = put(timed, marketing(end - 7 * HOUR, optIn));
      state.consent(consent(optIn, false, at(bi).minusMillis(10 * MINUTE)));
      expect("opted in, beyond the grace", bi, "MARKETING_AFTER_OPT_OUT", Outcome.RETRACTED);

      if (d + 4 < DAYS) {
        String late = lateVisitor(d, "ho");
        AccessEvent ho = put(timed, marketing(day(d).toEpochMilli() + 3 * HOUR, late));
        plannedState
            .computeIfAbsent(d + 4, k -> new ArrayList<>())
            .add(new Outgoing(topics.consents(), late, consent(late, true, at(ho).minus(DAY)), 0));
        if (d + 8 < DAYS) {
          plannedDuplicates.computeIfAbsent(d + 8, k -> new ArrayList<>()).add(ho);
          expect(
              "opted out, beyond the horizon, then a duplicate beyond the window",
              ho,
              "MARKETING_AFTER_OPT_OUT",
              Outcome.STANDS);
        } else {
          expect("opted out, beyond the horizon", ho, "MARKETING_AFTER_OPT_OUT", Outcome.NONE);
        }
      }
    }

    /** Agreements published hours after accesses they govern: corrections. */
    private void lateAgreementsBeyondGrace(
        int d, StateStep state, TreeMap<Long, List<Outgoing>> timed, long end) {
      String revoked = lateStaff(d, "br");
      put(timed, scenario(revoked, end - 9 * HOUR, visitor()));
      AccessEvent br1 = put(timed, scenario(revoked, end - 6 * HOUR, visitor()));
      AccessEvent br2 = put(timed, scenario(revoked, end - 3 * HOUR, visitor()));
      state.agreement(
          agreement(revoked, AgreementStatus.REVOKED, Instant.ofEpochMilli(end - 7 * HOUR)));
      expect(
          "agreement revoked, beyond the grace",
          br1,
          "AGREEMENT_REVOKED",
          Outcome.RAISED_BY_CORRECTION);
      expect(
          "agreement revoked, beyond the grace",
          br2,
          "AGREEMENT_REVOKED",
          Outcome.RAISED_BY_CORRECTION);

      String signed = lateStaff(d, "ba");
      AccessEvent ba1 = put(timed, scenario(signed, end - 8 * HOUR, visitor()));
      AccessEvent ba2 = put(timed, scenario(signed, end - 4 * HOUR, visitor()));
      state.agreement(
          agreement(signed, AgreementStatus.ACTIVE, Instant.ofEpochMilli(end - 10 * HOUR)));
      expect("agreement signed, beyond the grace", ba1, "AGREEMENT_PENDING", Outcome.RETRACTED);
      expect("agreement signed, beyond the grace", ba2, "AGREEMENT_PENDING", Outcome.RETRACTED);

      String expiring = lateStaff(d, "be");
      put(timed, scenario(expiring, end - 5 * HOUR, visitor()));
      AccessEvent be = put(timed, scenario(expiring, end - 150 * MINUTE, visitor()));
      state.agreement(
          StaffAgreement.newBuilder(
                  agreement(expiring, AgreementStatus.ACTIVE, Instant.ofEpochMilli(end - 6 * HOUR)))
              .setAgreementId("nda-renewed-" + d)
              .setExpiresAt(Instant.ofEpochMilli(end - 4 * HOUR))
              .build());
      expect(
          "agreement expiry, beyond the grace",
          be,
          "AGREEMENT_EXPIRED",
          Outcome.RAISED_BY_CORRECTION);
    }

    /**
     * Agreements scheduled ahead and published out of order (the later one first), and a tombstone,
     * both for the next day's accesses.
     */
    private void scheduledAndRemoved(
        int d, StateStep state, TreeMap<Long, List<Outgoing>> timed, long start) {
      if (d > 0) {
        String scheduled = lateStaff(d - 1, "oo");
        put(timed, scenario(scheduled, start + HOUR, visitor()));
        AccessEvent pending = put(timed, scenario(scheduled, start + 4 * HOUR, visitor()));
        AccessEvent signed = put(timed, scenario(scheduled, start + 8 * HOUR, visitor()));
        expect("scheduled out of order", pending, "AGREEMENT_PENDING", Outcome.STANDS);
        expect("scheduled out of order", signed, "AGREEMENT_PENDING", Outcome.NONE);
        AccessEvent removed =
            put(timed, scenario(lateStaff(d - 1, "tb"), start + 2 * HOUR, visitor()));
        expect("tombstone", removed, "AGREEMENT_MISSING", Outcome.STANDS);
      }
      long next = day(d + 1).toEpochMilli();
      String scheduled = lateStaff(d, "oo");
      state.agreement(
          agreement(scheduled, AgreementStatus.ACTIVE, Instant.ofEpochMilli(next + 6 * HOUR)));
      state.agreement(
          agreement(scheduled, AgreementStatus.PENDING, Instant.ofEpochMilli(next + 2 * HOUR)));
      state.tombstone(lateStaff(d, "tb"));
    }

    /**
     * An agreement revoked from before a day's accesses, published three days later: beyond the
     * horizon, it corrects nothing; a duplicate of the first access beyond the de-duplication
     * window is judged again, and then the revocation counts.
     */
    private void beyondHorizon(int d, TreeMap<Long, List<Outgoing>> timed, long start) {
      if (d + 3 >= DAYS) {
        return;
      }
      String staff = lateStaff(d, "hz");
      AccessEvent first = put(timed, scenario(staff, start + 2 * HOUR, visitor()));
      put(timed, scenario(staff, start + 5 * HOUR, visitor()));
      put(timed, scenario(staff, start + 9 * HOUR, visitor()));
      plannedState
          .computeIfAbsent(d + 3, k -> new ArrayList<>())
          .add(
              new Outgoing(
                  topics.agreements(),
                  staff,
                  agreement(staff, AgreementStatus.REVOKED, Instant.ofEpochMilli(start + HOUR)),
                  0));
      if (d + 8 < DAYS) {
        plannedDuplicates.computeIfAbsent(d + 8, k -> new ArrayList<>()).add(first);
        expect(
            "agreement revoked, beyond the horizon, then a duplicate beyond the window",
            first,
            "AGREEMENT_REVOKED",
            Outcome.STANDS);
      } else {
        expect("agreement revoked, beyond the horizon", first, "AGREEMENT_REVOKED", Outcome.NONE);
      }
    }

    /** Records taking effect when published or later: opt-outs, opt-ins, revocations ahead. */
    private void earlyStateRecords(StateStep state) {
      for (int i = 0; i < 6; i++) {
        String visitor = visitorId(random.nextInt(VISITORS));
        boolean out = random.nextInt(4) != 0;
        long ahead = random.nextBoolean() ? 0 : random.nextLong(2 * DAY.toMillis());
        state.consentAhead(visitor, out, ahead);
      }
      String staff = staffId(random.nextInt(STAFF));
      state.agreementAhead(staff, AgreementStatus.REVOKED, random.nextLong(DAY.toMillis()));
    }

    /**
     * Bursts of one staff member's accesses to distinct visitors around an hour's edge: within one
     * window, across two (none, one or both over the threshold of 200), and across the start of the
     * compared period.
     */
    private void bulkBurst(int d, TreeMap<Long, List<Outgoing>> timed) {
      String staff = "s-bulk-" + d;
      long start = day(d).toEpochMilli();
      long edge = start + 10 * HOUR;
      if (d == 8) {
        // the window [00:00, 01:00) holds the start of the period (00:30): 150 accesses before it,
        // 100 after, so the 201st distinct visitor, after the start, crosses the threshold
        burst(timed, staff, start + 2 * MINUTE, start + 29 * MINUTE, 0, 150);
        burst(timed, staff, start + 31 * MINUTE, start + 58 * MINUTE, 150, 100);
        return;
      }
      // distinct visitors before and after the edge: {230, 0} alerts in the first window,
      // {150, 150} in neither, {120, 220} in the second, {260, 260} in both
      int[] shape =
          switch (d) {
            case 5, 16 -> new int[] {230, 0};
            case 10, 19 -> new int[] {150, 150};
            case 12 -> new int[] {120, 220};
            default -> new int[] {260, 260};
          };
      int before = shape[0];
      int after = shape[1];
      burst(timed, staff, edge - 50 * MINUTE, edge - MINUTE, 0, before);
      burst(timed, staff, edge + MINUTE, edge + 45 * MINUTE, before, after);
    }

    /** {@code count} accesses to distinct visitors numbered from {@code first}. */
    private void burst(
        TreeMap<Long, List<Outgoing>> timed,
        String staff,
        long from,
        long to,
        int first,
        int count) {
      for (int i = 0; i < count; i++) {
        long time = freeTime(from + (to - from) * i / Math.max(1, count));
        AccessEvent e =
            event(time, staff, "v-bulk-" + staff.substring(7) + "-" + (first + i))
                .setCategory(DataCategory.CONTACT_INFO)
                .setPurpose(AccessPurpose.CUSTOMER_CONTACT)
                .build();
        put(timed, e);
      }
    }

    /**
     * Repeats of IP_ADDRESS_MISUSE by a staff member on one visitor's data: a window every 13
     * hours, each with up to eight repeats every half hour, none later than four hours into the
     * six-hour window; one of them straddles the start of the compared period.
     */
    private void suppressionSchedule() {
      long straddling = FROM.minus(Duration.ofMinutes(210)).toEpochMilli();
      long rhythm = SUPPRESSION_RHYTHM.toMillis();
      long end = day(DAYS).toEpochMilli();
      for (int k = 0; k < SUPPRESSION_PAIRS; k++) {
        long base =
            k == 0
                ? START.toEpochMilli() + Math.floorMod(straddling - START.toEpochMilli(), rhythm)
                : START.toEpochMilli() + (2 + 8L * k) * HOUR;
        for (long s = base; s < end; s += rhythm) {
          long first = s;
          while (!inAccessSpan(first) && first < s + HOUR) {
            first += MINUTE;
          }
          if (!inAccessSpan(first)) {
            continue;
          }
          int repeats = first == straddling ? 8 : random.nextInt(9);
          for (int j = 0; j <= repeats; j++) {
            long time = s + j * 30 * MINUTE + random.nextLong(MINUTE);
            if (j == 0) {
              time = first;
            }
            if (inAccessSpan(time) && time < first + 4 * HOUR) {
              AccessEvent e =
                  event(time, "s-sup-" + k, "v-sup-" + k)
                      .setCategory(DataCategory.IP_ADDRESS)
                      .setPurpose(AccessPurpose.ADVERTISING)
                      .build();
              int d = (int) ((time - START.toEpochMilli()) / DAY.toMillis());
              suppressed.computeIfAbsent(d, x -> new ArrayList<>()).add(e);
            }
          }
        }
      }
    }

    // ---------------------------------------------------------------- fences and state

    /** One ticker access needing consent per visitor partition, an hour after the last access. */
    private Step firstFence(int d) {
      long time = accessEnd(d) + GRACE.toMillis() + MINUTE;
      List<Outgoing> out = new ArrayList<>();
      for (int q = 0; q < PARTITIONS; q++) {
        out.add(
            access(
                event(time + q, tickStaff[0], tickVisitors[q])
                    .setCategory(DataCategory.CONTACT_INFO)
                    .setPurpose(AccessPurpose.MARKETING)
                    .build()));
      }
      return new Step("day " + d + " fence 1", out, false);
    }

    /** One ticker access per staff partition an hour after the first fence, which it releases. */
    private Step secondFence(int d) {
      long time = accessEnd(d) + 2 * (GRACE.toMillis() + MINUTE);
      List<Outgoing> out = new ArrayList<>();
      for (int p = 0; p < PARTITIONS; p++) {
        out.add(access(ticker(tickStaff[p], time + p, "v-tick-fence")));
      }
      return new Step("day " + d + " fence 2", out, false);
    }

    /** The state records of one day, published in order after the day's accesses and fences. */
    private final class StateStep {
      private final List<Outgoing> records = new ArrayList<>();
      private final String name;
      private long published;

      StateStep(int d) {
        this(
            accessEnd(d) + (fenced(d) ? 2 * (GRACE.toMillis() + MINUTE) : 0) + 2 * MINUTE,
            "day " + d + " state");
        plannedState.getOrDefault(d, List.of()).forEach(this::planned);
        badStateRecords();
      }

      StateStep(long published, String name) {
        this.published = published;
        this.name = name;
      }

      private long next() {
        return published += 1_000;
      }

      void agreement(StaffAgreement a) {
        records.add(new Outgoing(topics.agreements(), a.getStaffId(), a, next()));
      }

      void agreementAhead(String staff, AgreementStatus status, long ahead) {
        long at = next();
        records.add(
            new Outgoing(
                topics.agreements(),
                staff,
                DifferentialHistory.agreement(staff, status, Instant.ofEpochMilli(at + ahead)),
                at));
      }

      void tombstone(String staff) {
        records.add(new Outgoing(topics.agreements(), staff, null, next()));
      }

      void consent(VisitorConsent c) {
        records.add(new Outgoing(topics.consents(), c.getVisitorId(), c, next()));
      }

      void consentAhead(String visitor, boolean optOut, long ahead) {
        long at = next();
        records.add(
            new Outgoing(
                topics.consents(),
                visitor,
                DifferentialHistory.consent(visitor, optOut, Instant.ofEpochMilli(at + ahead)),
                at));
      }

      private void planned(Outgoing record) {
        records.add(new Outgoing(record.topic(), record.key(), record.value(), next()));
      }

      /** Records the pipeline sends to the state dead-letter topic. */
      private void badStateRecords() {
        String staff = staffId(random.nextInt(STAFF));
        StaffAgreement other =
            DifferentialHistory.agreement(
                staffId(random.nextInt(STAFF)), AgreementStatus.REVOKED, START);
        records.add(new Outgoing(topics.agreements(), staff, other, next()));
        long at = next();
        records.add(
            new Outgoing(
                topics.agreements(),
                staff,
                DifferentialHistory.agreement(
                    staff,
                    AgreementStatus.REVOKED,
                    Instant.ofEpochMilli(at).plus(Duration.ofDays(400))),
                at));
        records.add(
            new Outgoing(
                topics.agreements(), staff, "garbage".getBytes(StandardCharsets.UTF_8), next()));
        String visitor = visitorId(random.nextInt(VISITORS));
        records.add(
            new Outgoing(
                topics.consents(),
                visitor,
                DifferentialHistory.consent("v-other", true, START),
                next()));
        records.add(
            new Outgoing(
                topics.consents(), visitor, "garbage".getBytes(StandardCharsets.UTF_8), next()));
      }

      Step step() {
        return new Step(name, records, false);
      }
    }

    // ---------------------------------------------------------------- helpers

    private AccessEvent put(TreeMap<Long, List<Outgoing>> timed, AccessEvent e) {
      timed.computeIfAbsent(at(e).toEpochMilli(), t -> new ArrayList<>()).add(access(e));
      return e;
    }

    /** A compliant access by a staff member of a scenario (never needing the visitor's consent). */
    private AccessEvent scenario(String staff, long time, String visitor) {
      return event(freeTime(time), staff, visitor)
          .setCategory(DataCategory.UNIQUE_IDENTIFIER)
          .setPurpose(AccessPurpose.CUSTOMER_CONTACT)
          .build();
    }

    /** A marketing use of contact details, by a staff member whose agreement never changes. */
    private AccessEvent marketing(long time, String visitor) {
      return marketingBy(MARKETER, time, visitor);
    }

    private AccessEvent marketingBy(String staff, long time, String visitor) {
      return event(freeTime(time), staff, visitor)
          .setCategory(DataCategory.CONTACT_INFO)
          .setPurpose(AccessPurpose.MARKETING)
          .build();
    }

    private AccessEvent ticker(String staff, long time, String visitor) {
      return event(time, staff, visitor)
          .setCategory(DataCategory.UNIQUE_IDENTIFIER)
          .setPurpose(AccessPurpose.CUSTOMER_CONTACT)
          .build();
    }

    private String visitor() {
      return visitorId(random.nextInt(VISITORS));
    }

    private AccessEvent.Builder event(long time, String staff, String visitor) {
      return AccessEvent.newBuilder()
          .setEventId("e-" + nextEvent++)
          .setOccurredAt(Instant.ofEpochMilli(time))
          .setService(SERVICES.get(random.nextInt(SERVICES.size())))
          .setStaffId(staff)
          .setStaffOffice("GB")
          .setVisitorId(visitor)
          .setCategory(DataCategory.CONTACT_INFO)
          .setAction(ACTIONS[random.nextInt(ACTIONS.length)])
          .setPurpose(AccessPurpose.CUSTOMER_CONTACT)
          .setRecipient(null)
          .setTransactionId(null)
          .setEncryptedInTransit(true)
          .setSite("www.rackspace.co.uk")
          .setFields(List.of("email"));
    }

    private Outgoing access(AccessEvent e) {
      return new Outgoing(topics.accessEvents(), e.getStaffId(), e, at(e).toEpochMilli());
    }

    /** A time no other access of the day has, at or after {@code time}. */
    private long freeTime(long time) {
      long t = time;
      while (!usedTimes.add(t)) {
        t++;
      }
      return t;
    }

    private long clamp(long time, int d) {
      return Math.max(day(d).toEpochMilli() + 1_000, Math.min(accessEnd(d) - 2_000, time));
    }

    private void expect(String scenario, AccessEvent e, String ruleId, Outcome outcome) {
      if (!at(e).isBefore(FROM) && at(e).isBefore(TO)) {
        expectations.add(new Expectation(scenario, e.getEventId(), ruleId, outcome));
      }
    }
  }

  static String staffId(int i) {
    return "s-" + padded(i, 4);
  }

  static String visitorId(int i) {
    return "v-" + padded(i, 6);
  }

  /** {@code i} with leading zeros to {@code width} digits (String.format is slow at this rate). */
  private static String padded(int i, int width) {
    String digits = Integer.toString(i);
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  /** A staff member of one day's scenario of late agreements. */
  private static String lateStaff(int d, String role) {
    return "s-late-" + d + "-" + role;
  }

  /** A visitor of one day's scenario of late consents. */
  private static String lateVisitor(int d, String role) {
    return "v-late-" + d + "-" + role;
  }

  static StaffAgreement agreement(String staff, AgreementStatus status, Instant from) {
    return StaffAgreement.newBuilder()
        .setStaffId(staff)
        .setStatus(status)
        .setEmployment(EmploymentType.EMPLOYEE)
        .setEffectiveFrom(from)
        .setExpiresAt(null)
        .setAgreementId("nda-" + staff)
        .setSource("hr-system")
        .build();
  }

  static VisitorConsent consent(String visitor, boolean optOut, Instant from) {
    return VisitorConsent.newBuilder()
        .setVisitorId(visitor)
        .setMarketingOptOut(optOut)
        .setEffectiveFrom(from)
        .setChannel(optOut ? "unsubscribe@rackspace.co.uk" : null)
        .build();
  }

  private static Instant at(AccessEvent e) {
    return e.getOccurredAt();
  }

  /** How many milliseconds of [from, to) lie in [period from, period to). */
  private static long overlap(long from, long to, Instant periodFrom, Instant periodTo) {
    return Math.max(
        0, Math.min(to, periodTo.toEpochMilli()) - Math.max(from, periodFrom.toEpochMilli()));
  }
}
