package dev.accessaudit.producers;

import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.validation.RecordValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes {@link StaffAgreement} versions to {@code staff-agreements} (by default), keyed by
 * {@code staffId}, through an idempotent {@code acks=all} producer and the Confluent wire format.
 * The record timestamp is the publish time, not {@code effectiveFrom}: the pipeline applies each
 * version from its {@code effectiveFrom} whatever order versions arrive in, so an agreement can be
 * scheduled up to a year ahead or backfilled years back (the broker refuses record timestamps more
 * than an hour ahead). {@link #removeAgreement} publishes a tombstone: from its timestamp on, the
 * staff member has no agreement on record.
 *
 * <pre>{@code
 * try (AgreementPublisher publisher =
 *     AgreementPublisher.builder()
 *         .bootstrapServers("localhost:9092")
 *         .schemaRegistryUrl("http://localhost:8081")
 *         .build()) {
 *   publisher.publish(signed);
 *   publisher.removeAgreement("s-0042", Instant.parse("2026-03-01T00:00:00Z"));
 *   publisher.flush();
 * }
 * }</pre>
 *
 * <p>Invalid agreements are refused with an {@link InvalidRecordException} listing every problem.
 * Tests pass a {@code MockProducer} with {@link Builder#producer}. Thread-safe.
 */
public final class AgreementPublisher implements AutoCloseable {

  /** The default topic. */
  public static final String DEFAULT_TOPIC = "staff-agreements";

  private final RecordSender<StaffAgreement> sender;

  private AgreementPublisher(RecordSender<StaffAgreement> sender) {
    this.sender = sender;
  }

  /** A builder with the default topic. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Validates and sends {@code agreement}, stamped with the current time as its publish time.
   *
   * @return completes with the record's metadata once Kafka acknowledged it, or exceptionally
   * @throws InvalidRecordException when the agreement is invalid; nothing is sent then
   */
  public CompletableFuture<RecordMetadata> publish(StaffAgreement agreement) {
    return publish(agreement, null);
  }

  /**
   * Validates and sends {@code agreement} with record timestamp {@code publishedAt} (null: now),
   * for tools that replay a recorded feed at its own pace, such as the simulator.
   *
   * @throws InvalidRecordException when the agreement is invalid; nothing is sent then
   */
  public CompletableFuture<RecordMetadata> publish(StaffAgreement agreement, Instant publishedAt) {
    String what =
        RecordSender.describe(
            "StaffAgreement", "of ", agreement == null ? null : agreement.getStaffId());
    RecordSender.requireValid(what, RecordValidator.problems(agreement));
    return sender.send(agreement.getStaffId(), publishedAt, agreement);
  }

  /**
   * Sends a tombstone for {@code staffId} with record timestamp {@code from}: no agreement on
   * record from then on.
   *
   * @throws InvalidRecordException when staffId is blank or {@code from} is not after the epoch
   */
  public CompletableFuture<RecordMetadata> removeAgreement(String staffId, Instant from) {
    List<String> problems = RemovalCheck.problems(staffId, from);
    RecordSender.requireValid("the removal of the agreement of " + staffId, problems);
    return sender.send(staffId, from, null);
  }

  /** The topic this publisher writes to. */
  public String topic() {
    return sender.topic();
  }

  /** Blocks until every record sent so far is acknowledged or failed. */
  public void flush() {
    sender.flush();
  }

  /** Sends what is buffered, waiting at most {@code timeout}, and releases the producer. */
  public void close(Duration timeout) {
    sender.close(timeout);
  }

  /** Sends what is buffered and releases the producer. */
  @Override
  public void close() {
    sender.close();
  }

  /** Builds an {@link AgreementPublisher}. */
  public static final class Builder extends PublisherBuilder<StaffAgreement, Builder> {

    private Builder() {
      super(DEFAULT_TOPIC);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * The publisher.
     *
     * @throws IllegalArgumentException when no producer was supplied and bootstrapServers or
     *     schemaRegistryUrl is missing, or a property would weaken the delivery guarantees
     */
    public AgreementPublisher build() {
      return new AgreementPublisher(
          new RecordSender<>(buildProducer(StaffAgreement.class), topic()));
    }
  }

  private static final class RemovalCheck {
    static List<String> problems(String staffId, Instant from) {
      List<String> problems = new ArrayList<>();
      if (staffId == null || staffId.isBlank()) {
        problems.add("staffId is blank");
      }
      if (from == null || from.toEpochMilli() <= 0) {
        problems.add("from " + from + " is not after 1970-01-01T00:00:00Z");
      }
      return problems;
    }
  }
}
