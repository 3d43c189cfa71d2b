package dev.accessaudit.replay;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Merges the partitions of the input topics into the one order in which the live pipeline's stream
 * tasks read them. A task takes, among its input partitions, the one whose head record has the
 * smallest extracted timestamp (Kafka Streams' {@code PartitionGroup}), and waits for data already
 * on the broker, so a backlog is read in timestamp order. A merge over every partition by the
 * extracted timestamp of each head gives that order for every task at once: a record far in the
 * future at the head of one partition holds back only that partition. Within a partition, records
 * always come in offset order, whatever their times.
 *
 * <p>Ties (equal timestamps) go by the rank given to each source, then by partition number. The
 * replay ranks agreements before consents before accesses, so that a state record taking effect in
 * the same millisecond as an access is already in the table when the access is joined, as the
 * versioned table's "as of" look-up (valid from &le; time) says it is in force. Live, the order of
 * equal timestamps across partitions is unspecified.
 *
 * <p>Records the pipeline drops when it reads them (undecodable, a negative timestamp) carry no
 * time: they are passed on as soon as they are at the head of their partition.
 */
final class TimeOrderedFeed {

  /** One input partition's records in offset order. */
  interface Source {

    /** The next record, or null once the partition is read to its end; may wait for a fetch. */
    ConsumerRecord<byte[], byte[]> peek();

    /** Moves past the record {@link #peek()} gave. */
    void advance();
  }

  /** Decodes a record as the topology does and extracts its timestamp. */
  interface Stamper {

    /**
     * @param partitionTime the largest timestamp extracted so far in the record's partition, -1
     *     when none, as Kafka Streams passes it to the extractor
     */
    FeedRecord stamp(ConsumerRecord<byte[], byte[]> record, long partitionTime);
  }

  private static final Comparator<Head> ORDER =
      Comparator.comparingLong((Head h) -> h.record.time())
          .thenComparingInt(h -> h.input.rank)
          .thenComparingInt(h -> h.input.partition);

  private final Stamper stamper;
  private final PriorityQueue<Head> heads = new PriorityQueue<>(ORDER);

  TimeOrderedFeed(Stamper stamper) {
    this.stamper = stamper;
  }

  /** Adds a partition; {@code rank} orders ties between topics (lower first). */
  TimeOrderedFeed add(Source source, int rank, int partition) {
    offerHead(new Input(source, rank, partition));
    return this;
  }

  /** Gives {@code sink} every record of every partition, in the order the live tasks read them. */
  void forEach(Consumer<FeedRecord> sink) {
    while (!heads.isEmpty()) {
      Head head = heads.poll();
      head.input.source.advance();
      if (!head.record.droppedOnRead()) {
        head.input.partitionTime = Math.max(head.input.partitionTime, head.record.time());
      }
      sink.accept(head.record);
      offerHead(head.input);
    }
  }

  private void offerHead(Input input) {
    ConsumerRecord<byte[], byte[]> next = input.source.peek();
    if (next != null) {
      heads.add(new Head(input, stamper.stamp(next, input.partitionTime)));
    }
  }

  private static final class Input {
    final Source source;
    final int rank;
    final int partition;
    long partitionTime = -1;

    Input(Source source, int rank, int partition) {
      this.source = source;
      this.rank = rank;
      this.partition = partition;
    }
  }

  private record Head(Input input, FeedRecord record) {}
}
