package dev.accessaudit.producers;

import static dev.accessaudit.producers.Fixtures.T;
import static dev.accessaudit.producers.Fixtures.anAgreement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessaudit.avro.StaffAgreement;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class AgreementPublisherTest {

  private final MockProducer<String, StaffAgreement> producer = Fixtures.mockProducer();
  private final AgreementPublisher publisher =
      AgreementPublisher.builder().producer(producer).build();

  @Test
  void shouldKeyByStaffIdAndLeaveTheTimestampToThePublishTime() {
    StaffAgreement agreement = anAgreement().build();

    publisher.publish(agreement).join();

    ProducerRecord<String, StaffAgreement> sent = producer.history().get(0);
    assertThat(sent.topic()).isEqualTo("staff-agreements");
    assertThat(sent.key()).isEqualTo("s-0042");
    // null: the producer stamps the send time, so an agreement scheduled ahead is not refused
    assertThat(sent.timestamp()).isNull();
    assertThat(sent.value()).isEqualTo(agreement);
  }

  @Test
  void shouldStampAnAgreementScheduledAYearAheadWithItsPublishTime() {
    Instant publishedAt = Instant.parse("2026-01-01T00:00:00Z");
    StaffAgreement scheduled =
        anAgreement().setEffectiveFrom(publishedAt.plus(Duration.ofDays(365))).build();

    publisher.publish(scheduled, publishedAt).join();

    assertThat(producer.history().get(0).timestamp()).isEqualTo(publishedAt.toEpochMilli());
  }

  @Test
  void shouldPublishTombstoneStampedWithRemovalTime() {
    Instant from = Instant.parse("2026-04-01T00:00:00Z");

    publisher.removeAgreement("s-0042", from).join();

    ProducerRecord<String, StaffAgreement> sent = producer.history().get(0);
    assertThat(sent.key()).isEqualTo("s-0042");
    assertThat(sent.value()).isNull();
    assertThat(sent.timestamp()).isEqualTo(from.toEpochMilli());
  }

  @Test
  void shouldRefuseRemovalWithoutStaffIdOrTime() {
    assertThatThrownBy(() -> publisher.removeAgreement(" ", null))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageContaining("staffId is blank")
        .hasMessageContaining("from null is not after 1970-01-01T00:00:00Z");
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void shouldRefuseAgreementExpiringBeforeItStarts() {
    StaffAgreement bad = anAgreement().setExpiresAt(T.minusSeconds(1)).build();

    assertThatThrownBy(() -> publisher.publish(bad))
        .isInstanceOf(InvalidRecordException.class)
        .hasMessageStartingWith("StaffAgreement of s-0042 is invalid: expiresAt");
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void shouldCloseWithinTimeout() {
    publisher.close(Duration.ofSeconds(1));

    assertThat(producer.closed()).isTrue();
  }
}
