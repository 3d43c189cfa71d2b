package dev.accessaudit.producers;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.validation.RecordValidator;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes {@link AccessEvent}s to the audit topic ({@code visitor-data-access} by default), keyed
 * by {@code staffId}, with the record timestamp set to {@code occurredAt}, through an idempotent
 * {@code acks=all} producer and the Confluent wire format.
 *
 * <p>Every event is validated with {@link RecordValidator} before it is sent; an invalid one is
 * refused with an {@link InvalidRecordException} listing every problem, and nothing is sent.
 *
 * <pre>{@code
 * try (AccessEventPublisher publisher =
 *     AccessEventPublisher.builder()
 *         .bootstrapServers("localhost:9092")
 *         .schemaRegistryUrl("http://localhost:8081")
 *         .property("security.protocol", "SASL_SSL") // any Kafka client property
 *         .build()) {
 *   publisher.publish(event).whenComplete((metadata, error) -> ...);
 *   publisher.flush();
 * }
 * }</pre>
 *
 * <p>Tests pass a {@code MockProducer} with {@link Builder#producer}. Thread-safe.
 */
public final class AccessEventPublisher implements AutoCloseable {

  /** The default topic. */
  public static final String DEFAULT_TOPIC = "visitor-data-access";

  private final RecordSender<AccessEvent> sender;

  private AccessEventPublisher(RecordSender<AccessEvent> sender) {
    this.sender = sender;
  }

  /** A builder with the default topic. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Validates and sends {@code event}.
   *
   * @return completes with the record's metadata once Kafka acknowledged it, or exceptionally
   * @throws InvalidRecordException when the event is invalid; nothing is sent then
   */
  public CompletableFuture<RecordMetadata> publish(AccessEvent event) {
    String what =
        RecordSender.describe("AccessEvent", "", event == null ? null : event.getEventId());
    RecordSender.requireValid(what, RecordValidator.problems(event));
    return sender.send(event.getStaffId(), event.getOccurredAt(), event);
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

  /** Builds an {@link AccessEventPublisher}. */
  public static final class Builder extends PublisherBuilder<AccessEvent, Builder> {

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
    public AccessEventPublisher build() {
      return new AccessEventPublisher(
          new RecordSender<>(buildProducer(AccessEvent.class), topic()));
    }
  }
}
