package dev.accessaudit.streams.topology;

import dev.accessaudit.streams.errors.DeadLetterDeserializationHandler;
import dev.accessaudit.streams.errors.DeadLetterProcessingHandler;
import dev.accessaudit.streams.errors.DeadLetters;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings the pipeline relies on; user client settings are layered on top. */
public final class StreamsSettings {

  private StreamsSettings() {}

  /**
   * Exactly-once processing, dead-letter handlers for undecodable and invalid records, and a check
   * that every internal topic and store is explicitly named (so upgrades keep state).
   */
  public static Map<String, Object> defaults(TopicNames names) {
    Map<String, Object> settings = new HashMap<>();
    settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    settings.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class.getName());
    settings.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProcessingHandler.class.getName());
    settings.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, names.deadLetter());
    settings.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    // No task idling (the default 0 still reads data already on the broker in time order): state
    // records carry their publish time, so a backlog is read in arrival order without waiting.
    settings.put(DeadLetters.STATE_TOPIC_CONFIG, names.stateDeadLetter());
    settings.put(DeadLetters.STATE_SOURCES_CONFIG, names.agreements() + "," + names.consents());
    return settings;
  }
}
