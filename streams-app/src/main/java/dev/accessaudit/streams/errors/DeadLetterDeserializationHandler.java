package dev.accessaudit.streams.errors;

import dev.accessaudit.registry.SchemaRegistryException;
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
 * never stops the pipeline. A registry outage is not a bad record: then the handler fails, so the
 * record is read again rather than dead-lettered.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);

  private DeadLetters.Routes routes;

  @Override
  public void configure(Map<String, ?> configs) {
    routes = DeadLetters.routes(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    if (registryUnavailable(exception)) {
      // The record is probably fine: dead-lettering it would file good data as bad. Failing stops
      // the stream thread before it commits, so the record is read again once the registry
      // answers (the application replaces the failed thread).
      LOG.error(
          "Schema registry unavailable while decoding {}-{}@{}",
          context.topic(),
          context.partition(),
          context.offset(),
          exception);
      return Response.fail();
    }
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
                routes.topicFor(context.topic()),
                context,
                record.key(),
                record.value(),
                DeadLetters.STAGE_DESERIALIZE,
                reason)));
  }

  /** A registry that cannot be reached or fails (5xx) says nothing about the record itself. */
  static boolean registryUnavailable(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SchemaRegistryException registry && registry.httpStatus() >= 500) {
        return true;
      }
    }
    return false;
  }
}
