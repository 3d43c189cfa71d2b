package dev.accessaudit.streams.errors;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * Builds dead-letter records: the original key and value bytes, unchanged, with the original
 * headers and the contract's {@code audit.dlq.*} headers added.
 */
public final class DeadLetters {

  public static final String REASON = "audit.dlq.reason";
  public static final String STAGE = "audit.dlq.stage";
  public static final String SOURCE_TOPIC = "audit.dlq.source.topic";
  public static final String SOURCE_PARTITION = "audit.dlq.source.partition";
  public static final String SOURCE_OFFSET = "audit.dlq.source.offset";

  /** The record could not be decoded. */
  public static final String STAGE_DESERIALIZE = "deserialize";

  /** The record decoded but is not a valid access event. */
  public static final String STAGE_VALIDATE = "validate";

  /** Judging the record failed unexpectedly; it can be re-published once the cause is fixed. */
  public static final String STAGE_PROCESS = "process";

  private DeadLetters() {}

  /** Setting naming the dead-letter topic of rejected agreement and consent records. */
  public static final String STATE_TOPIC_CONFIG = "access-audit.state.dead.letter.topic";

  /** Setting listing the state topics (comma-separated) whose records go to that topic. */
  public static final String STATE_SOURCES_CONFIG = "access-audit.state.source.topics";

  /** Where the dead letters of each source topic go. */
  record Routes(String accessTopic, String stateTopic, Set<String> stateSources) {
    String topicFor(String sourceTopic) {
      return stateSources.contains(sourceTopic) ? stateTopic : accessTopic;
    }
  }

  /** The dead-letter topics configured for this application. */
  static Routes routes(Map<String, ?> configs) {
    String access = topic(configs);
    Object state = configs.get(STATE_TOPIC_CONFIG);
    Object sources = configs.get(STATE_SOURCES_CONFIG);
    if (state == null || state.toString().isBlank() || sources == null) {
      return new Routes(access, access, Set.of());
    }
    Set<String> names = new HashSet<>();
    for (String name : sources.toString().split(",")) {
      if (!name.isBlank()) {
        names.add(name.trim());
      }
    }
    return new Routes(access, state.toString(), Set.copyOf(names));
  }

  /** The dead-letter topic configured for this application. */
  static String topic(Map<String, ?> configs) {
    Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
    if (topic == null || topic.toString().isBlank()) {
      throw new IllegalStateException(
          StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG
              + " is not set: the dead-letter handlers need a topic");
    }
    return topic.toString();
  }

  /** A dead letter for the record the context describes. */
  public static ProducerRecord<byte[], byte[]> record(
      String topic,
      ErrorHandlerContext context,
      byte[] key,
      byte[] value,
      String stage,
      String reason) {
    Headers headers = new RecordHeaders();
    if (context.headers() != null) {
      context.headers().forEach(h -> headers.add(h));
    }
    headers.remove(REASON).remove(STAGE).remove(SOURCE_TOPIC);
    headers.remove(SOURCE_PARTITION).remove(SOURCE_OFFSET);
    headers.add(REASON, utf8(reason));
    headers.add(STAGE, utf8(stage));
    headers.add(SOURCE_TOPIC, utf8(context.topic()));
    headers.add(SOURCE_PARTITION, utf8(Integer.toString(context.partition())));
    headers.add(SOURCE_OFFSET, utf8(Long.toString(context.offset())));
    return new ProducerRecord<>(topic, null, null, key, value, headers);
  }

  /** The sentence a person reads: the exception's own message, or its type when it has none. */
  public static String reason(Throwable error) {
    Throwable cause = error;
    while (cause.getMessage() == null && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
