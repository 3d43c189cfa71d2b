package dev.accessaudit.producers;

import static dev.accessaudit.producers.Fixtures.T;
import static dev.accessaudit.producers.Fixtures.anAccessEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessaudit.avro.AccessEvent;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class AccessEventPublisherTest {

  private final MockProducer<String, AccessEvent> producer = Fixtures.mockProducer();
  private final AccessEventPublisher publisher =
      AccessEventPublisher.builder().producer(producer).build();

  @Test
  void shouldKeyByStaffIdAndStampWithOccurredAt() {
    AccessEvent event = anAccessEvent().build();

    RecordMetadata metadata = publisher.publish(event).join();

    ProducerRecord<String, AccessEvent> sent = producer.history().get(0);
    assertThat(sent.topic()).isEqualTo("visitor-data-access");
    assertThat(sent.key()).isEqualTo("s-0042");
    assertThat(sent.timestamp()).isEqualTo(T.toEpochMilli());
    assertThat(sent.value()).isEqualTo(event);
    assertThat(metadata.topic()).isEqualTo("visitor-data-access");
  }

  @Test
  void shouldPublishToTheConfiguredTopic() {
    MockProducer<String, AccessEvent> other = Fixtures.mockProducer();
    try (AccessEventPublisher p =
        AccessEventPublisher.builder().producer(other).topic("audit-test").build()) {
      p.publish(anAccessEvent().build()).join();
    }
    assertThat(other.history()).extracting(ProducerRecord::topic).containsExactly("audit-test");
  }

  @Test
  void shouldRefuseInvalidEventListingEveryProblemAndSendNothing() {
    AccessEvent bad = anAccessEvent().setStaffId(" ").setStaffOffice("UK").build();

    assertThatThrownBy(() -> publisher.publish(bad))
        .isInstanceOf(InvalidRecordException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "AccessEvent e-1 is invalid: staffId is blank; "
                + "staffOffice 'UK' is not an ISO 3166-1 alpha-2 code (did you mean GB?)");
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void shouldRefuseNullEvent() {
    assertThatThrownBy(() -> publisher.publish(null))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("AccessEvent is invalid: the access event is missing");
  }

  @Test
  void shouldCompleteExceptionallyWhenKafkaRejectsTheRecord() {
    MockProducer<String, AccessEvent> manual =
        new MockProducer<>(false, null, null, Fixtures.markerSerializer());
    AccessEventPublisher p = AccessEventPublisher.builder().producer(manual).build();

    var future = p.publish(anAccessEvent().build());
    manual.errorNext(new TimeoutException("broker unavailable"));

    assertThat(future).isCompletedExceptionally();
  }

  @Test
  void shouldFlushAndCloseTheProducer() {
    publisher.publish(anAccessEvent().build());
    publisher.flush();
    assertThat(producer.flushed()).isTrue();

    publisher.close();
    assertThat(producer.closed()).isTrue();
  }
}
