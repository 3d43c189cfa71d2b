package dev.accessaudit.streams.topology;

import dev.accessaudit.streams.errors.DeadLetterDeserializationHandler;
import dev.accessaudit.streams.errors.DeadLetterProcessingHandler;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings the pipeline relies on; user client settings are layered on top. */
public final class StreamsSettings {

  /** How long a task waits for an empty input partition before processing the others. */
  public static final Duration MAX_TASK_IDLE = Duration.ofSeconds(2);

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
    // Wait briefly for every input partition of a task to have data before picking the next
    // record by time: otherwise, on a backlog at start-up, accesses are judged before the
    // agreements published ahead of them have been read.
    settings.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, MAX_TASK_IDLE.toMillis());
    return settings;
  }
}
