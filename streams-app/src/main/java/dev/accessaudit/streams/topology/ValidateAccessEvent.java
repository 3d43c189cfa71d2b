package dev.accessaudit.streams.topology;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.streams.errors.InvalidAccessEventException;
import dev.accessaudit.streams.judgement.Admission;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Lets through only access events that may be judged: a value is present, the key is the event's
 * staffId, and the record validator finds nothing wrong ({@link Admission}). Anything else is
 * thrown as {@link InvalidAccessEventException}, which the processing exception handler
 * dead-letters with the original bytes.
 */
final class ValidateAccessEvent implements FixedKeyProcessor<String, AccessEvent, AccessEvent> {

  private FixedKeyProcessorContext<String, AccessEvent> context;

  @Override
  public void init(FixedKeyProcessorContext<String, AccessEvent> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, AccessEvent> record) {
    check(record.key(), record.value());
    context.forward(record);
  }

  /** Throws with the reason a person reads in the dead-letter header. */
  static void check(String key, AccessEvent event) {
    Admission.rejection(key, event)
        .ifPresent(
            reason -> {
              throw new InvalidAccessEventException(reason);
            });
  }
}
