package dev.accessaudit.streams.topology;

import static dev.accessaudit.streams.AuditFixtures.T0;
import static dev.accessaudit.streams.AuditFixtures.agreementPolicy;
import static dev.accessaudit.streams.AuditFixtures.anAccessEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.streams.errors.DeadLetters;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input goes to the dead-letter topic with its reason, unchanged, and never stops the pipeline.
 */
class DeadLetterTopologyTest {

  private final PipelineHarness pipeline =
      new PipelineHarness(agreementPolicy(), PipelineOptions.defaults().withGrace(Duration.ZERO));

  @AfterEach
  void close() {
    pipeline.close();
  }

  private static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private byte[] serialized(AccessEvent event) {
    return pipeline
        .topics
        .accessEvents()
        .valueSerde()
        .serializer()
        .serialize(pipeline.names.accessEvents(), event);
  }

  @Test
  void shouldDeadLetterUndecodableBytesWithReasonAndKeepGoing() {
    byte[] key = "s-0001".getBytes(StandardCharsets.UTF_8);
    byte[] junk = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
    pipeline.rawAccesses.pipeInput(new TestRecord<>(key, junk, T0));
    pipeline.access(anAccessEvent().setEventId("evt-after").build());

    TestRecord<byte[], byte[]> letter = pipeline.deadLetters.readRecord();
    assertThat(letter.key()).isEqualTo(key);
    assertThat(letter.value()).isEqualTo(junk);
    assertThat(header(letter.headers(), DeadLetters.STAGE)).isEqualTo("deserialize");
    assertThat(header(letter.headers(), DeadLetters.REASON)).contains("wire format");
    assertThat(header(letter.headers(), DeadLetters.SOURCE_TOPIC)).isEqualTo("visitor-data-access");
    assertThat(header(letter.headers(), DeadLetters.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(header(letter.headers(), DeadLetters.SOURCE_OFFSET)).isEqualTo("0");
    assertThat(pipeline.alerts()).extracting(a -> a.getEventId()).containsExactly("evt-after");
  }

  @Test
  void shouldDeadLetterUnknownSchemaId() {
    byte[] value = serialized(anAccessEvent().build());
    ByteBuffer.wrap(value).putInt(1, 987_654);
    pipeline.rawAccesses.pipeInput(
        new TestRecord<>("s-0001".getBytes(StandardCharsets.UTF_8), value, T0));

    TestRecord<byte[], byte[]> letter = pipeline.deadLetters.readRecord();
    assertThat(letter.value()).isEqualTo(value);
    assertThat(header(letter.headers(), DeadLetters.STAGE)).isEqualTo("deserialize");
    assertThat(header(letter.headers(), DeadLetters.REASON)).contains("987654");
    assertThat(pipeline.alerts()).isEmpty();
  }

  @Test
  void shouldDeadLetterEventKeyedByOtherThanStaffId() {
    byte[] value = serialized(anAccessEvent().build());
    byte[] key = "v-000001".getBytes(StandardCharsets.UTF_8);
    pipeline.rawAccesses.pipeInput(new TestRecord<>(key, value, T0));

    TestRecord<byte[], byte[]> letter = pipeline.deadLetters.readRecord();
    assertThat(letter.key()).isEqualTo(key);
    assertThat(letter.value()).isEqualTo(value);
    assertThat(header(letter.headers(), DeadLetters.STAGE)).isEqualTo("validate");
    assertThat(header(letter.headers(), DeadLetters.REASON))
        .contains("'v-000001'", "'s-0001'", "staffId");
    assertThat(pipeline.alerts()).isEmpty();
  }

  @Test
  void shouldDeadLetterEventWithoutKey() {
    byte[] value = serialized(anAccessEvent().build());
    pipeline.rawAccesses.pipeInput(new TestRecord<>(null, value, T0));

    TestRecord<byte[], byte[]> letter = pipeline.deadLetters.readRecord();
    assertThat(letter.key()).isNull();
    assertThat(header(letter.headers(), DeadLetters.REASON)).contains("no key");
  }

  @Test
  void shouldDeadLetterInvalidEventWithEveryProblem() {
    AccessEvent invalid = anAccessEvent().setStaffOffice("UK").setService(" ").build();
    pipeline.access(invalid);

    TestRecord<byte[], byte[]> letter = pipeline.deadLetters.readRecord();
    assertThat(header(letter.headers(), DeadLetters.STAGE)).isEqualTo("validate");
    assertThat(header(letter.headers(), DeadLetters.REASON)).contains("staffOffice", "service");
    assertThat(pipeline.alerts()).isEmpty();
  }

  @Test
  void shouldDeadLetterTombstoneOnAccessTopic() {
    pipeline.rawAccesses.pipeInput(
        new TestRecord<>("s-0001".getBytes(StandardCharsets.UTF_8), null, T0));

    TestRecord<byte[], byte[]> letter = pipeline.deadLetters.readRecord();
    assertThat(header(letter.headers(), DeadLetters.REASON)).contains("no value");
  }

  @Test
  void shouldKeepOriginalHeadersOnDeadLetter() {
    var record = new TestRecord<>("s-0001".getBytes(StandardCharsets.UTF_8), new byte[] {1, 2}, T0);
    record.headers().add("traceparent", "00-abc".getBytes(StandardCharsets.UTF_8));
    pipeline.rawAccesses.pipeInput(record);

    assertThat(header(pipeline.deadLetters.readRecord().headers(), "traceparent"))
        .isEqualTo("00-abc");
  }
}
