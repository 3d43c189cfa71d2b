package dev.accessaudit.streams.topology;

import static dev.accessaudit.streams.AuditFixtures.T0;
import static dev.accessaudit.streams.AuditFixtures.agreementPolicy;
import static dev.accessaudit.streams.AuditFixtures.anAccessEvent;
import static dev.accessaudit.streams.AuditFixtures.anAgreement;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AgreementStatus;
import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.streams.errors.DeadLetters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The time model: state records carry their publish time and take effect from their effectiveFrom,
 * whatever order they arrive in; de-duplication counts arrival time; history the stores would not
 * keep is dead-lettered, never dropped silently. The reproductions of the time-model issue.
 */
class TimeModelTopologyTest {

  private static final Duration GRACE = PipelineHarness.GRACE;

  private final PipelineHarness pipeline = new PipelineHarness(agreementPolicy());

  @AfterEach
  void close() {
    pipeline.close();
  }

  private static List<String> rules(List<ComplianceAlert> alerts) {
    return alerts.stream().map(ComplianceAlert::getRuleId).toList();
  }

  private static AccessEvent accessBy(String staff, String eventId, Instant at) {
    return anAccessEvent().setStaffId(staff).setEventId(eventId).setOccurredAt(at).build();
  }

  @Test
  void shouldUseAnAgreementPublishedBeforeTheAccessWhenAFutureDatedOneIsQueuedAhead() {
    pipeline.agreement(
        anAgreement(AgreementStatus.ACTIVE, T0.plus(Duration.ofMinutes(50)))
            .setStaffId("s-x")
            .build(),
        T0);
    pipeline.agreement(
        anAgreement(AgreementStatus.ACTIVE, T0.minus(Duration.ofDays(30)))
            .setStaffId("s-y")
            .build(),
        T0.plusMillis(1));
    pipeline.agreement(
        anAgreement(AgreementStatus.REVOKED, T0.minus(Duration.ofDays(1)))
            .setStaffId("s-z")
            .build(),
        T0.plusMillis(2));
    for (int i = 0; i < 5; i++) {
      pipeline.access(accessBy("s-y", "y-" + i, T0.plusSeconds(1 + i)));
    }
    pipeline.access(accessBy("s-z", "z-1", T0.plusSeconds(6)));
    pipeline.advancePast(T0.plusSeconds(6), GRACE);

    List<ComplianceAlert> alerts = pipeline.alerts();
    assertThat(rules(alerts)).containsExactly("AGREEMENT_REVOKED");
    assertThat(alerts.get(0).getStaffId()).isEqualTo("s-z");
  }

  @Test
  void shouldApplyAnAgreementScheduledAYearAheadFromItsEffectiveFrom() {
    Instant signed = T0.plus(Duration.ofDays(300));
    pipeline.agreement(anAgreement(AgreementStatus.PENDING, T0.minusSeconds(60)).build(), T0);
    pipeline.agreement(anAgreement(AgreementStatus.ACTIVE, signed).build(), T0);
    pipeline.access(accessBy("s-0001", "before", T0.plusSeconds(1)));
    pipeline.access(accessBy("s-0001", "after", signed.plusSeconds(1)));
    pipeline.advancePast(signed.plusSeconds(1), GRACE);

    assertThat(pipeline.alerts())
        .extracting(ComplianceAlert::getEventId, ComplianceAlert::getRuleId)
        .containsExactly(tuple("before", "AGREEMENT_PENDING"));
    assertThat(pipeline.deadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldKeepAnAgreementFrom2008OnAPartitionWithPresentDayOnes() {
    Instant y2008 = Instant.parse("2008-06-01T00:00:00Z");
    pipeline.agreement(
        anAgreement(AgreementStatus.ACTIVE, T0.minus(Duration.ofDays(10)))
            .setStaffId("s-now")
            .build(),
        T0);
    pipeline.agreement(anAgreement(AgreementStatus.ACTIVE, y2008).build(), T0.plusMillis(1));
    pipeline.access(accessBy("s-0001", "old", Instant.parse("2008-12-31T12:00:00Z")));
    pipeline.advancePast(T0, GRACE);

    assertThat(pipeline.alerts()).isEmpty();
  }

  @Test
  void shouldDeadLetterAStateRecordOlderThanTheHistoryRetentionWithItsReason() {
    TestOutputTopic<byte[], byte[]> stateDeadLetters =
        pipeline.driver.createOutputTopic(
            pipeline.names.stateDeadLetter(),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    try (PipelineHarness shortHistory =
        new PipelineHarness(
            agreementPolicy(),
            PipelineOptions.defaults().withHistoryRetention(Duration.ofDays(1000)))) {
      TestOutputTopic<byte[], byte[]> letters =
          shortHistory.driver.createOutputTopic(
              shortHistory.names.stateDeadLetter(),
              new ByteArrayDeserializer(),
              new ByteArrayDeserializer());
      shortHistory.agreement(
          anAgreement(AgreementStatus.ACTIVE, Instant.parse("2008-06-01T00:00:00Z")).build(), T0);

      TestRecord<byte[], byte[]> letter = letters.readRecord();
      assertThat(header(letter, DeadLetters.REASON))
          .contains("more than the history retention", "1000 days");
      assertThat(header(letter, DeadLetters.SOURCE_TOPIC)).isEqualTo("staff-agreements");
      assertThat(shortHistory.deadLetters.isEmpty()).isTrue();
    }
    assertThat(stateDeadLetters.isEmpty()).isTrue();
  }

  @Test
  void shouldDeadLetterAnAgreementScheduledBeyondTheScheduleAheadBound() {
    TestOutputTopic<byte[], byte[]> letters =
        pipeline.driver.createOutputTopic(
            pipeline.names.stateDeadLetter(),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    pipeline.agreement(
        anAgreement(AgreementStatus.ACTIVE, T0.plus(Duration.ofDays(400))).build(), T0);

    assertThat(header(letters.readRecord(), DeadLetters.REASON))
        .contains("audit.time.max-schedule-ahead");
  }

  @Test
  void shouldRaiseAnOldEventPublishedTwiceOnce() {
    pipeline.agreement(anAgreement(AgreementStatus.REVOKED, T0.minus(Duration.ofDays(60))).build());
    pipeline.access(accessBy("s-0001", "new", T0));
    AccessEvent old = accessBy("s-0001", "old", T0.minus(Duration.ofDays(20)));
    pipeline.access(old);
    pipeline.access(old);
    pipeline.advancePast(T0, GRACE);

    assertThat(pipeline.alerts())
        .extracting(ComplianceAlert::getEventId)
        .containsExactlyInAnyOrder("new", "old");
  }

  private static String header(TestRecord<byte[], byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
