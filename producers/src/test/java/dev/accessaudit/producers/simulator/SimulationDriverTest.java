package dev.accessaudit.producers.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.avro.VisitorConsent;
import dev.accessaudit.producers.AccessEventPublisher;
import dev.accessaudit.producers.AgreementPublisher;
import dev.accessaudit.producers.ConsentPublisher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class SimulationDriverTest {

  private final MockProducer<String, AccessEvent> events = mock();
  private final MockProducer<String, StaffAgreement> agreements = mock();
  private final MockProducer<String, VisitorConsent> consents = mock();
  private final List<Instant> waits = new ArrayList<>();

  private static <V> MockProducer<String, V> mock() {
    Serializer<V> marker = (topic, value) -> value == null ? null : new byte[] {0};
    return new MockProducer<>(true, null, new StringSerializer(), marker);
  }

  private SimulationDriver driver(long seed) {
    TrafficSimulator simulator =
        new TrafficSimulator(SimulationSettings.defaults(), TrafficSimulatorTest.MARCH_2026, seed);
    return new SimulationDriver(
        simulator,
        AccessEventPublisher.builder().producer(events).build(),
        AgreementPublisher.builder().producer(agreements).build(),
        ConsentPublisher.builder().producer(consents).build(),
        TrafficSimulatorTest.MARCH_2026,
        waits::add);
  }

  @Test
  void shouldPublishRateTimesDurationEventsPacedEvenly() {
    SimulationResult result = driver(1L).run(50, Duration.ofSeconds(10));

    assertThat(result.accessEvents()).isEqualTo(500);
    assertThat(events.history()).hasSize(500);
    assertThat(waits).hasSize(500);
    assertThat(waits.get(1)).isEqualTo(TrafficSimulatorTest.MARCH_2026.instant().plusMillis(20));
    assertThat(waits.get(499))
        .isEqualTo(TrafficSimulatorTest.MARCH_2026.instant().plusMillis(9980));
    assertThat(result.failedSends()).isZero();
  }

  @Test
  void shouldPublishEveryStaffMembersAgreementBeforeTheirFirstEvent() {
    SimulationResult result = driver(2L).run(100, Duration.ofSeconds(20));

    assertThat(result.agreements() + result.agreementRemovals())
        .isEqualTo(agreements.history().size());
    assertThat(result.consents()).isEqualTo(consents.history().size());
    Set<String> withAgreements =
        agreements.history().stream().map(ProducerRecord::key).collect(Collectors.toSet());
    long firstEventTime = events.history().get(0).timestamp();
    assertThat(agreements.history().subList(0, 180)).allMatch(r -> r.timestamp() < firstEventTime);
    assertThat(withAgreements).hasSizeGreaterThan(180);
    assertThat(result.expectedViolations()).isPositive();
    assertThat(result.summary()).startsWith("published 2000 access events (");
  }

  @Test
  void shouldStopWhenAsked() {
    SimulationDriver driver = driver(3L);
    driver.stop();

    assertThat(driver.run(100, Duration.ofMinutes(1)).accessEvents()).isZero();
  }

  @Test
  void shouldCountFailedSends() {
    MockProducer<String, AccessEvent> failing =
        new MockProducer<>(false, null, new StringSerializer(), (t, v) -> new byte[] {0});
    TrafficSimulator simulator =
        new TrafficSimulator(SimulationSettings.defaults(), TrafficSimulatorTest.MARCH_2026, 4L);
    SimulationDriver driver =
        new SimulationDriver(
            simulator,
            AccessEventPublisher.builder().producer(failing).build(),
            AgreementPublisher.builder().producer(agreements).build(),
            ConsentPublisher.builder().producer(consents).build(),
            TrafficSimulatorTest.MARCH_2026,
            due -> failing.errorNext(new TimeoutException("broker down")));

    SimulationResult result = driver.run(10, Duration.ofSeconds(1));

    assertThat(result.failedSends()).isEqualTo(9);
    assertThat(result.firstFailure()).isEqualTo("broker down");
  }
}
