package dev.accessaudit.replay;

import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.avro.VisitorConsent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the complete agreement and consent topics into {@link VersionedHistory} maps, keyed and
 * timed as the pipeline's versioned tables are: by record key, at {@code effectiveFrom} (a
 * tombstone at its record timestamp). Records without a key, or that do not decode, are skipped and
 * counted, as the pipeline skips them.
 */
final class HistoryLoader {

  private final TopicScanner scanner;
  private final Progress progress;
  private long skipped;

  HistoryLoader(TopicScanner scanner, Progress progress) {
    this.scanner = scanner;
    this.progress = progress;
  }

  StateHistory load(
      String agreementsTopic,
      Deserializer<StaffAgreement> agreements,
      String consentsTopic,
      Deserializer<VisitorConsent> consents) {
    skipped = 0;
    VersionedHistory<StaffAgreement> agreementHistory =
        read(agreementsTopic, agreements, a -> a.getEffectiveFrom().toEpochMilli());
    VersionedHistory<VisitorConsent> consentHistory =
        read(consentsTopic, consents, c -> c.getEffectiveFrom().toEpochMilli());
    return new StateHistory(agreementHistory, consentHistory, skipped);
  }

  private <V> VersionedHistory<V> read(
      String topic, Deserializer<V> deserializer, ToLongFunction<V> time) {
    VersionedHistory<V> history = new VersionedHistory<>();
    List<TopicPartition> partitions = scanner.partitions(topic);
    Map<TopicPartition, Long> start = scanner.beginnings(partitions);
    Map<TopicPartition, Long> end = scanner.ends(partitions);
    progress.begin("reading " + topic, total(start, end));
    scanner.scan(start, end, r -> add(history, r, topic, deserializer, time));
    progress.end();
    return history;
  }

  private <V> void add(
      VersionedHistory<V> history,
      ConsumerRecord<byte[], byte[]> record,
      String topic,
      Deserializer<V> deserializer,
      ToLongFunction<V> time) {
    progress.advance(1);
    if (record.key() == null) {
      skipped++;
      return;
    }
    String key = new String(record.key(), StandardCharsets.UTF_8);
    if (record.value() == null) {
      history.put(key, record.timestamp(), null);
      return;
    }
    V value = Decoding.decode(deserializer, topic, record.value());
    if (value == null) {
      skipped++;
    } else {
      history.put(key, time.applyAsLong(value), value);
    }
  }

  static long total(Map<TopicPartition, Long> start, Map<TopicPartition, Long> end) {
    return start.entrySet().stream()
        .mapToLong(e -> Math.max(0, end.get(e.getKey()) - e.getValue()))
        .sum();
  }
}
