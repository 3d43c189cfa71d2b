package dev.accessaudit.replay;

import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.serde.AvroSerdes;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The alerts the pipeline published: the whole alerts topic read (committed records only), the
 * latest record per alertId kept (suppression publishes a folded alert again under the same id, and
 * both versions are keyed by staffId, so they sit in one partition in publication order); an alert
 * retracted by a correction no longer stands.
 */
public final class LiveAlerts {

  private LiveAlerts() {}

  /**
   * The latest version of every alert that stands for one of the {@code judged} accesses, on disk;
   * the caller closes it.
   */
  public static AlertLog forEvents(
      Map<String, ?> clientConfig, String topic, JudgedEvents judged, Progress progress) {
    AlertLog latest = AlertLog.open();
    Deserializer<ComplianceAlert> deserializer =
        AvroSerdes.valueSerde(ComplianceAlert.class, clientConfig).deserializer();
    try (Consumer<byte[], byte[]> consumer = ReplayConsumers.raw(Map.copyOf(clientConfig))) {
      TopicScanner scanner = new TopicScanner(consumer);
      List<TopicPartition> partitions = scanner.partitions(topic);
      Map<TopicPartition, Long> start = scanner.beginnings(partitions);
      Map<TopicPartition, Long> end = scanner.ends(partitions);
      progress.begin("reading " + topic, TopicScanner.total(start, end));
      scanner.scan(
          start,
          end,
          r -> {
            progress.advance(1);
            ComplianceAlert alert = Decoding.decode(deserializer, topic, r.value());
            if (alert != null && judged.contains(alert.getEventId())) {
              latest.keepLatest(alert);
            }
          });
      progress.end();
    } catch (RuntimeException e) {
      latest.close();
      throw e;
    }
    return latest;
  }
}
