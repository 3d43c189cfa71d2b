package dev.accessaudit.producers.simulator;

import dev.accessaudit.producers.AccessEventPublisher;
import dev.accessaudit.producers.AgreementPublisher;
import dev.accessaudit.producers.ConsentPublisher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Publishes a {@link TrafficSimulator}'s records with the three publishers at a steady rate of
 * access events per wall-clock second, for a while or until {@link #stop()}ped or interrupted.
 * Agreements and consents are flushed before the next access event, so they reach Kafka first; the
 * deliberately late agreements are published where the simulator puts them, after.
 *
 * <pre>{@code
 * SimulationDriver driver =
 *     new SimulationDriver(simulator, events, agreements, consents, clock, Pacer.sleeping(clock));
 * SimulationResult result = driver.run(50, Duration.ofMinutes(5));
 * System.out.println(result.summary());
 * }</pre>
 *
 * <p>The publishers stay open; the caller closes them.
 */
public final class SimulationDriver {

  private final TrafficSimulator simulator;
  private final AccessEventPublisher events;
  private final AgreementPublisher agreements;
  private final ConsentPublisher consents;
  private final Clock clock;
  private final Pacer pacer;
  private volatile boolean stopped;
  private Instant simulatedNow;

  public SimulationDriver(
      TrafficSimulator simulator,
      AccessEventPublisher events,
      AgreementPublisher agreements,
      ConsentPublisher consents,
      Clock clock,
      Pacer pacer) {
    this.simulator = Objects.requireNonNull(simulator, "simulator");
    this.events = Objects.requireNonNull(events, "events");
    this.agreements = Objects.requireNonNull(agreements, "agreements");
    this.consents = Objects.requireNonNull(consents, "consents");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pacer = Objects.requireNonNull(pacer, "pacer");
  }

  /** Makes a running {@link #run} finish after the record in hand; safe from any thread. */
  public void stop() {
    stopped = true;
  }

  /**
   * Publishes {@code eventsPerSecond} access events per second for {@code duration} (and the
   * records that go with them), then everything still held back, and flushes.
   *
   * @throws IllegalArgumentException when the rate is not positive or the duration is negative
   */
  public SimulationResult run(double eventsPerSecond, Duration duration) {
    if (!(eventsPerSecond > 0) || duration.isNegative()) {
      throw new IllegalArgumentException("the rate must be positive and the duration not negative");
    }
    Instant begin = clock.instant();
    long planned = (long) Math.floor(duration.toMillis() * eventsPerSecond / 1000.0);
    SendTally tally = new SendTally();
    boolean stateSent = false;
    try {
      while (tally.accessEvents() < planned && !stopped) {
        SimulatedRecord r = simulator.next();
        if (r instanceof SimulatedRecord.Access a) {
          flushStateIf(stateSent);
          stateSent = false;
          long offsetMillis = Math.round(tally.accessEvents() * 1000.0 / eventsPerSecond);
          pacer.awaitUntil(begin.plusMillis(offsetMillis));
          tally.access(a, publish(a));
        } else {
          publishState(r, tally);
          stateSent = true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    simulator.drain().forEach(r -> publishState(r, tally));
    flushAll();
    return tally.result();
  }

  private CompletableFuture<?> publish(SimulatedRecord.Access a) {
    simulatedNow = later(simulatedNow, a.time());
    return guarded(() -> events.publish(a.event()));
  }

  /**
   * The simulated moment a state record is published: its own time, or the latest access sent when
   * that is later (a late agreement goes out after the accesses it governs). State records carry
   * their publish time as record timestamp, on the same simulated clock as the accesses.
   */
  private Instant publishedAt(SimulatedRecord r) {
    simulatedNow = later(simulatedNow, r.time());
    return simulatedNow;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  private void publishState(SimulatedRecord r, SendTally tally) {
    if (r instanceof SimulatedRecord.AgreementSet s) {
      tally.agreement(s.late(), guarded(() -> agreements.publish(s.agreement(), publishedAt(s))));
    } else if (r instanceof SimulatedRecord.AgreementRemoved x) {
      tally.removal(x.late(), guarded(() -> agreements.removeAgreement(x.staffId(), x.from())));
    } else if (r instanceof SimulatedRecord.ConsentSet c) {
      tally.consent(guarded(() -> consents.publish(c.consent(), publishedAt(c))));
    } else {
      tally.access((SimulatedRecord.Access) r, publish((SimulatedRecord.Access) r));
    }
  }

  private static CompletableFuture<?> guarded(Supplier<CompletableFuture<?>> send) {
    try {
      return send.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void flushStateIf(boolean stateSent) {
    if (stateSent) {
      agreements.flush();
      consents.flush();
    }
  }

  private void flushAll() {
    agreements.flush();
    consents.flush();
    events.flush();
  }
}
