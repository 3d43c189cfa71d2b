package dev.accessaudit.streams.errors;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends records that fail while being judged to the dead-letter topic with their original bytes:
 * {@link InvalidAccessEventException} with stage {@code validate}, anything else with stage {@code
 * process}, and carries on. Only when there is no source record (a failure inside a punctuation)
 * does it stop the application rather than lose the record.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

  private DeadLetters.Routes routes;

  @Override
  public void configure(Map<String, ?> configs) {
    routes = DeadLetters.routes(configs);
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (context.topic() == null || context.offset() < 0) {
      LOG.error("Processing failed with no source record to dead-letter", exception);
      return Response.fail();
    }
    boolean invalid =
        exception instanceof InvalidAccessEventException
            || exception instanceof InvalidStateRecordException;
    if (!invalid) {
      LOG.error(
          "Unexpected failure judging {}-{}@{}",
          context.topic(),
          context.partition(),
          context.offset(),
          exception);
    }
    String stage = invalid ? DeadLetters.STAGE_VALIDATE : DeadLetters.STAGE_PROCESS;
    return Response.resume(
        List.of(
            DeadLetters.record(
                routes.topicFor(context.topic()),
                context,
                context.sourceRawKey(),
                context.sourceRawValue(),
                stage,
                DeadLetters.reason(exception))));
  }
}
