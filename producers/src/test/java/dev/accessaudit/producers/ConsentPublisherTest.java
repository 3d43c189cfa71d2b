package dev.accessaudit.producers;

import static dev.accessaudit.producers.Fixtures.aConsent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessaudit.avro.VisitorConsent;
import java.time.Instant;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class ConsentPublisherTest {

  private final MockProducer<String, VisitorConsent> producer = Fixtures.mockProducer();
  private final ConsentPublisher publisher = ConsentPublisher.builder().producer(producer).build();

  @Test
  void shouldKeyByVisitorIdAndLeaveTheTimestampToThePublishTime() {
    publisher.publish(aConsent().build()).join();

    ProducerRecord<String, VisitorConsent> sent = producer.history().get(0);
    assertThat(sent.topic()).isEqualTo("visitor-consents");
    assertThat(sent.key()).isEqualTo("v-000123");
    assertThat(sent.timestamp()).isNull();
  }

  @Test
  void shouldStampWithTheGivenPublishTime() {
    Instant publishedAt = Instant.parse("2026-05-01T00:00:00Z");

    publisher.publish(aConsent().build(), publishedAt).join();

    assertThat(producer.history().get(0).timestamp()).isEqualTo(publishedAt.toEpochMilli());
  }

  @Test
  void shouldRefuseConsentWithBlankVisitor() {
    assertThatThrownBy(() -> publisher.publish(aConsent().setVisitorId("").build()))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessage("VisitorConsent is invalid: visitorId is blank");
    assertThat(producer.history()).isEmpty();
  }
}
