package dev.accessaudit.producers;

import dev.accessaudit.avro.VisitorConsent;
import dev.accessaudit.validation.RecordValidator;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes {@link VisitorConsent}s to {@code visitor-consents} (by default), keyed by {@code
 * visitorId}, with the record timestamp set to the publish time (the pipeline applies a consent
 * from its {@code effectiveFrom}, whatever order consents arrive in), through an idempotent {@code
 * acks=all} producer and the Confluent wire format. Invalid consents are refused with an {@link
 * InvalidRecordException} listing every problem.
 *
 * <pre>{@code
 * try (ConsentPublisher publisher =
 *     ConsentPublisher.builder()
 *         .bootstrapServers("localhost:9092")
 *         .schemaRegistryUrl("http://localhost:8081")
 *         .build()) {
 *   publisher.publish(optOut).join();
 * }
 * }</pre>
 *
 * <p>Tests pass a {@code MockProducer} with {@link Builder#producer}. Thread-safe.
 */
public final class ConsentPublisher implements AutoCloseable {

  /** The default topic. */
  public static final String DEFAULT_TOPIC = "visitor-consents";

  private final RecordSender<VisitorConsent> sender;

  private ConsentPublisher(RecordSender<VisitorConsent> sender) {
    this.sender = sender;
  }

  /** A builder with the default topic. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Validates and sends {@code consent}, stamped with the current time as its publish time.
   *
   * @return completes with the record's metadata once Kafka acknowledged it, or exceptionally
   * @throws InvalidRecordException when the consent is invalid; nothing is sent then
   */
  public CompletableFuture<RecordMetadata> publish(VisitorConsent consent) {
    return publish(consent, null);
  }

  /**
   * Validates and sends {@code consent} with record timestamp {@code publishedAt} (null: now), for
   * tools that replay a recorded feed at its own pace, such as the simulator.
   *
   * @throws InvalidRecordException when the consent is invalid; nothing is sent then
   */
  public CompletableFuture<RecordMetadata> publish(VisitorConsent consent, Instant publishedAt) {
    String what =
        RecordSender.describe(
            "VisitorConsent", "of ", consent == null ? null : consent.getVisitorId());
    RecordSender.requireValid(what, RecordValidator.problems(consent));
    return sender.send(consent.getVisitorId(), publishedAt, consent);
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

  /** Builds a {@link ConsentPublisher}. */
  public static final class Builder extends PublisherBuilder<VisitorConsent, Builder> {

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
    public ConsentPublisher build() {
      return new ConsentPublisher(new RecordSender<>(buildProducer(VisitorConsent.class), topic()));
    }
  }
}
