package dev.accessaudit.cli;

import dev.accessaudit.app.Clients;
import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.producers.AccessEventPublisher;
import dev.accessaudit.producers.AgreementPublisher;
import dev.accessaudit.producers.ConsentPublisher;
import dev.accessaudit.producers.simulator.Pacer;
import dev.accessaudit.producers.simulator.SimulationDriver;
import dev.accessaudit.producers.simulator.SimulationResult;
import dev.accessaudit.producers.simulator.SimulationSettings;
import dev.accessaudit.producers.simulator.TrafficSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Simulated traffic from services, published with the producers library to the configured topics;
 * the simulated time runs with the wall clock. Used by {@code simulate} and {@code demo}.
 */
final class Traffic implements AutoCloseable {
  /** How long "until stopped" is. */
  static final Duration FOREVER = Duration.ofDays(3650);

  private final AccessEventPublisher events;
  private final AgreementPublisher agreements;
  private final ConsentPublisher consents;
  private final SimulationDriver driver;

  /**
   * @param start the simulated time of the first event; null for the clock's current time
   */
  Traffic(AuditConfig config, double rate, long seed, Clock clock, Instant start) {
    Map<String, Object> client = Clients.commandConfig(config);
    AuditConfig.TopicSettings topics = config.topics();
    events = AccessEventPublisher.builder().properties(client).topic(topics.accessEvents()).build();
    agreements = AgreementPublisher.builder().properties(client).topic(topics.agreements()).build();
    consents = ConsentPublisher.builder().properties(client).topic(topics.consents()).build();
    SimulationSettings settings =
        SimulationSettings.builder().eventsPerSecond(rate).start(start).build();
    TrafficSimulator simulator = new TrafficSimulator(settings, clock, seed);
    driver =
        new SimulationDriver(simulator, events, agreements, consents, clock, Pacer.sleeping(clock));
  }

  /** Publishes {@code rate} access events a second for {@code duration}, or until {@link #stop}. */
  SimulationResult run(double rate, Duration duration) {
    return driver.run(rate, duration);
  }

  /** Makes {@link #run} return soon; safe from any thread. */
  void stop() {
    driver.stop();
  }

  @Override
  public void close() {
    events.close();
    agreements.close();
    consents.close();
  }
}
