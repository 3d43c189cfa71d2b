package dev.accessaudit.replay;

import dev.accessaudit.streams.topology.AuditTopics;
import dev.accessaudit.streams.topology.EventTimeExtractor;
import dev.accessaudit.streams.topology.Topic;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Stamps a raw record as the topology's source would: decoded with the topic's own key and value
 * deserializers, timed by the topology's timestamp extractor class, called on the decoded record.
 * So the feed follows whatever time rule the topology has, rather than a copy of it.
 */
final class TopologyStamper implements TimeOrderedFeed.Stamper {

  private final Map<String, Decoders> byTopic = new HashMap<>();
  private final TimestampExtractor extractor = new EventTimeExtractor();

  TopologyStamper(AuditTopics topics) {
    add(topics.accessEvents());
    add(topics.agreements());
    add(topics.consents());
  }

  private void add(Topic<String, ?> topic) {
    byTopic.put(
        topic.name(),
        new Decoders(topic.keySerde().deserializer(), topic.valueSerde().deserializer()));
  }

  @Override
  public FeedRecord stamp(ConsumerRecord<byte[], byte[]> raw, long partitionTime) {
    Decoders decoders = byTopic.get(raw.topic());
    Object key;
    Object value;
    try {
      key = decoders.key().deserialize(raw.topic(), raw.headers(), raw.key());
      value = decoders.value().deserialize(raw.topic(), raw.headers(), raw.value());
    } catch (SerializationException undecodable) {
      // the pipeline's deserialization handler dead-letters it on reading; other failures (an
      // unreachable registry) are not about the record and stop the replay
      return new FeedRecord(raw, null, false, Long.MIN_VALUE);
    }
    long time = extractor.extract(decoded(raw, key, value), partitionTime);
    return new FeedRecord(raw, value, true, time < 0 ? Long.MIN_VALUE : time);
  }

  private static ConsumerRecord<Object, Object> decoded(
      ConsumerRecord<byte[], byte[]> raw, Object key, Object value) {
    return new ConsumerRecord<>(
        raw.topic(),
        raw.partition(),
        raw.offset(),
        raw.timestamp(),
        raw.timestampType(),
        raw.serializedKeySize(),
        raw.serializedValueSize(),
        key,
        value,
        raw.headers(),
        Optional.empty());
  }

  private record Decoders(Deserializer<String> key, Deserializer<?> value) {}
}
