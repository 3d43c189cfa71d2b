package dev.accessaudit.streams.topology;

import dev.accessaudit.avro.AccessEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * The time by which Kafka Streams orders what a task reads: an access's {@code occurredAt}, and a
 * state record's (agreement, consent, tombstone) record timestamp, which is its publish time. So a
 * state record published before an access is read before it, whatever its {@code effectiveFrom}: an
 * agreement scheduled a month ahead holds nothing back, and one backfilled years back is still read
 * in arrival order. The state processors apply each record as of its {@code effectiveFrom}. A
 * record with no valid timestamp takes its partition's time.
 */
public final class EventTimeExtractor implements TimestampExtractor {

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    if (record.value() instanceof AccessEvent event) {
      return event.getOccurredAt().toEpochMilli();
    }
    return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
  }
}
