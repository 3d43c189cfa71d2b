package dev.accessaudit.streams.errors;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every record that cannot be decoded (not in the Confluent wire format, unknown schema id,
 * corrupt Avro) to the dead-letter topic with stage {@code deserialize}, through Kafka Streams' own
 * dead-letter support (KIP-1034), and carries on. Nothing is skipped silently and a bad record
 * never stops the pipeline.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

  private String deadLetterTopic;

  @Override
  public void configure(Map<String, ?> configs) {
    deadLetterTopic = DeadLetters.topic(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    String reason = DeadLetters.reason(exception);
    LOG.warn(
        "Dead-lettering {}-{}@{}: {}",
        context.topic(),
        context.partition(),
        context.offset(),
        reason);
    return Response.resume(
        List.of(
            DeadLetters.record(
                deadLetterTopic,
                context,
                record.key(),
                record.value(),
                DeadLetters.STAGE_DESERIALIZE,
                reason)));
  }
}
