package dev.accessaudit.replay;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Ends a partition's records at the first one, from a given offset on, that the topology orders at
 * or after a given time: it decodes and its extracted timestamp is not earlier. The offset is where
 * record timestamps say the time is reached ({@code offsetsForTimes}); records from there on that
 * the pipeline drops on reading (they do not decode, so have no time of their own) or that the
 * extractor times earlier are still passed on. So an undecodable record whose record timestamp is
 * later than its neighbours' (written by another producer, or with another clock) does not end the
 * partition before records the live pipeline judged after it.
 */
final class StopAtTime implements TimeOrderedFeed.Source {

  private final TimeOrderedFeed.Source source;
  private final long fromOffset;
  private final long end;
  private final TimeOrderedFeed.Stamper stamper;
  private boolean ended;

  /**
   * @param fromOffset the first offset that may end the partition
   * @param end the time (epoch milliseconds) at which the partition ends
   * @param stamper decodes and times a record as the topology does
   */
  StopAtTime(
      TimeOrderedFeed.Source source, long fromOffset, long end, TimeOrderedFeed.Stamper stamper) {
    this.source = source;
    this.fromOffset = fromOffset;
    this.end = end;
    this.stamper = stamper;
  }

  @Override
  public ConsumerRecord<byte[], byte[]> peek() {
    if (ended) {
      return null;
    }
    ConsumerRecord<byte[], byte[]> next = source.peek();
    if (next != null && next.offset() >= fromOffset) {
      FeedRecord stamped = stamper.stamp(next, -1);
      ended = !stamped.droppedOnRead() && stamped.time() >= end;
    }
    return ended ? null : next;
  }

  @Override
  public void advance() {
    source.advance();
  }
}
