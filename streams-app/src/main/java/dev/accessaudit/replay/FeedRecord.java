package dev.accessaudit.replay;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One record of the replay's feed: the raw record as it is on the topic (piped to the topology as
 * is), its value as the topology's deserializer decodes it, and its time as the topology's
 * timestamp extractor gives it.
 *
 * @param raw the record read, with its key and value bytes, headers and record timestamp
 * @param value the decoded value; null for a tombstone or a record that does not decode
 * @param decodable whether the value decodes (a tombstone does)
 * @param time the extracted timestamp; {@link Long#MIN_VALUE} for a record the pipeline drops as
 *     soon as it reads it (undecodable, or a negative timestamp), so the feed passes it on at once
 */
record FeedRecord(ConsumerRecord<byte[], byte[]> raw, Object value, boolean decodable, long time) {

  /** Whether the pipeline drops the record on reading it, without ordering it by time. */
  boolean droppedOnRead() {
    return time == Long.MIN_VALUE;
  }
}
