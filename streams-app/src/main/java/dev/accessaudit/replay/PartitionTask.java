package dev.accessaudit.replay;

import dev.accessaudit.avro.ComplianceAlert;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One partition's stream task of the live pipeline, emulated record by record in offset order: the
 * task's stream time (the latest time of any decodable record), the grace buffer that orders
 * accesses before they are judged, and the once-a-minute stream-time punctuation that closes
 * suppression windows. Feeding the same records in the same order gives the same judgements, in the
 * same order, with the same windows open and closed, as the pipeline.
 */
final class PartitionTask {

  private static final long PUNCTUATION_MS = Duration.ofMinutes(1).toMillis();

  private final PartitionJudge judge;
  private final GraceBuffer buffer;
  private final Consumer<ComplianceAlert> sink;
  private final Consumer<ReplayAccess> judging;
  private long streamTime = Long.MIN_VALUE;
  private long nextPunctuation = Long.MIN_VALUE;

  PartitionTask(PartitionJudge judge, Duration grace, Consumer<ComplianceAlert> sink) {
    this.judge = judge;
    this.buffer = new GraceBuffer(grace.toMillis());
    this.sink = sink;
    this.judging = access -> judge.judge(access, sink);
  }

  /** A record with this time was taken from the partition (valid or not, judged or not). */
  void advance(long recordTime) {
    streamTime = Math.max(streamTime, recordTime);
  }

  /** A valid, first-seen access to judge (after {@link #advance} with its time). */
  void access(ReplayAccess access) {
    buffer.offer(access, judging);
  }

  /** The record is processed: the pipeline punctuates when stream time passed the next minute. */
  void punctuate() {
    if (judge.suppressing() && streamTime >= nextPunctuation) {
      judge.close(streamTime, sink);
      nextPunctuation = Math.floorDiv(streamTime, PUNCTUATION_MS) * PUNCTUATION_MS + PUNCTUATION_MS;
    }
  }

  /**
   * The end of the partition: judges the accesses the pipeline still holds in its grace buffer (it
   * will judge them once later records arrive), leaving suppression windows that stream time has
   * not passed open, as the pipeline does.
   */
  void finish() {
    buffer.drain(judging);
    if (judge.suppressing()) {
      judge.close(streamTime, sink);
    }
  }
}
