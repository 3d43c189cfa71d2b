package dev.accessaudit.replay;

import dev.accessaudit.avro.AccessEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads one partition of the access topic the way the pipeline takes it in: records that do not
 * decode, have the wrong key or are invalid are skipped (the pipeline dead-letters them), and of
 * several records with one eventId the first in partition order wins. Only accesses whose time lies
 * in the window that must be judged are kept: the period itself, plus earlier accesses whose bulk
 * windows or standing alerts reach into it, plus later repeats that fold into its alerts.
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

  PartitionAccesses read(TopicPartition partition, long start, long end) {
    List<ReplayAccess> accesses = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    long[] streamTime = {Long.MIN_VALUE};
    scanner.scan(
        partition,
        start,
        end,
        r -> {
          AccessEvent event = take(r, seen);
          if (event != null) {
            accesses.add(new ReplayAccess(event, r.offset()));
            streamTime[0] = Math.max(streamTime[0], event.getOccurredAt().toEpochMilli());
          }
        });
    accesses.sort(ReplayAccess.JUDGEMENT_ORDER);
    return new PartitionAccesses(accesses, streamTime[0]);
  }

  /** The access to judge, or null when the record is skipped. */
  private AccessEvent take(ConsumerRecord<byte[], byte[]> record, Set<String> seen) {
    counts.recordsRead++;
    progress.advance(1);
    AccessEvent event = Decoding.decode(deserializer, record.topic(), record.value());
    String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    if (!AccessAdmission.admits(key, event)) {
      long time = event == null ? record.timestamp() : event.getOccurredAt().toEpochMilli();
      if (request.inPeriod(time)) {
        counts.invalid++;
      }
      return null;
    }
    long time = event.getOccurredAt().toEpochMilli();
    if (time < judgeFrom || time >= judgeTo || !request.judges(event.getStaffId())) {
      return null;
    }
    if (!seen.add(event.getEventId())) {
      if (request.reports(event)) {
        counts.duplicates++;
      }
      return null;
    }
    if (request.reports(event)) {
      counts.events++;
    }
    return event;
  }
}
