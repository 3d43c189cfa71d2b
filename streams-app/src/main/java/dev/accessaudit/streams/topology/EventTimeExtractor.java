package dev.accessaudit.streams.topology;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.avro.VisitorConsent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * The time of every record the pipeline reads is the time it describes, not the broker's: {@code
 * occurredAt} for accesses, {@code effectiveFrom} for agreements and consents. Tombstones carry no
 * value, so their record timestamp (set by the publisher to the moment the deletion takes effect)
 * is their time.
 */
public final class EventTimeExtractor implements TimestampExtractor {

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    Object value = record.value();
    if (value instanceof AccessEvent event) {
      return event.getOccurredAt().toEpochMilli();
    }
    if (value instanceof StaffAgreement agreement) {
      return agreement.getEffectiveFrom().toEpochMilli();
    }
    if (value instanceof VisitorConsent consent) {
      return consent.getEffectiveFrom().toEpochMilli();
    }
    return record.timestamp() >= 0 ? record.timestamp() : Math.max(partitionTime, 0);
  }
}
