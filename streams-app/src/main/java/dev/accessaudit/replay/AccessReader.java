package dev.accessaudit.replay;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.streams.judgement.Admission;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the access topic the way the pipeline takes it in, feeding each partition's {@link
 * PartitionTask} in offset order: records that do not decode, have the wrong key or are invalid are
 * skipped (the pipeline dead-letters them), and of several records with one eventId the first in
 * partition order wins. Every decodable record moves stream time on; only accesses whose time lies
 * in the window that must be judged ({@link ReplayWindow}) are judged.
 */
final class AccessReader {

  private final TopicScanner scanner;
  private final Deserializer<AccessEvent> deserializer;
  private final ReplayRequest request;
  private final long judgeFrom;
  private final long judgeTo;
  private final ReplayCounts counts;
  private final Progress progress;

  AccessReader(
      TopicScanner scanner,
      Deserializer<AccessEvent> deserializer,
      ReplayRequest request,
      ReplayWindow window,
      ReplayCounts counts,
      Progress progress) {
    this.scanner = scanner;
    this.deserializer = deserializer;
    this.request = request;
    this.judgeFrom = window.judgeFrom().toEpochMilli();
    this.judgeTo = window.judgeTo().toEpochMilli();
    this.counts = counts;
    this.progress = progress;
  }

  /**
   * Feeds each partition's records in [start, end), in offset order, to the task {@code tasks}
   * gives for that partition, then finishes the tasks; {@code kept} gets every reported access.
   */
  void read(
      Map<TopicPartition, Long> start,
      Map<TopicPartition, Long> end,
      IntFunction<PartitionTask> tasks,
      Consumer<AccessEvent> kept) {
    Map<Integer, Partition> partitions = new TreeMap<>();
    scanner.scan(
        start,
        end,
        r ->
            take(
                r,
                partitions.computeIfAbsent(r.partition(), p -> new Partition(tasks.apply(p))),
                kept));
    partitions.values().forEach(p -> p.task().finish());
  }

  /** What the reader keeps per partition: the eventIds seen, and the partition's task. */
  private record Partition(Set<String> seen, PartitionTask task) {
    Partition(PartitionTask task) {
      this(new HashSet<>(), task);
    }
  }

  private void take(
      ConsumerRecord<byte[], byte[]> record, Partition partition, Consumer<AccessEvent> kept) {
    PartitionTask task = partition.task();
    counts.recordsRead++;
    progress.advance(1);
    AccessEvent event = Decoding.decode(deserializer, record.topic(), record.value());
    if (event == null) {
      counts.invalid += request.inPeriod(record.timestamp()) ? 1 : 0;
      return;
    }
    long time = event.getOccurredAt().toEpochMilli();
    task.advance(time);
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    if (Admission.rejection(key, event).isPresent()) {
      counts.invalid += request.inPeriod(time) ? 1 : 0;
    } else if (time >= judgeFrom && time < judgeTo && request.judges(event.getStaffId())) {
      judge(new ReplayAccess(event, record.offset()), partition.seen(), task, kept);
    }
    task.punctuate();
  }

  private void judge(
      ReplayAccess access, Set<String> seen, PartitionTask task, Consumer<AccessEvent> kept) {
    AccessEvent event = access.event();
    boolean reported = request.reports(event);
    if (!seen.add(event.getEventId())) {
      counts.duplicates += reported ? 1 : 0;
      return;
    }
    if (reported) {
      counts.events++;
      kept.accept(event);
    }
    task.access(access);
  }
}
