package dev.accessaudit.replay;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Consumers for reading history: no consumer group, nothing committed, only committed records
 * (read_committed, as the pipeline writes alerts in transactions), and large fetches for speed. A
 * setting the user gave wins, except the group: a replay never joins or moves one.
 */
final class ReplayConsumers {

  private ReplayConsumers() {}

  static KafkaConsumer<byte[], byte[]> raw(Map<String, Object> clientConfig) {
    Map<String, Object> settings = new HashMap<>();
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
    settings.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
    settings.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
    settings.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
    settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "audit-replay");
    settings.putAll(clientConfig);
    settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
