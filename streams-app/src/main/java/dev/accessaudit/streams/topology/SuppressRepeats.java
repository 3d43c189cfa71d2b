package dev.accessaudit.streams.topology;

import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.streams.judgement.Rejudgement;
import dev.accessaudit.streams.judgement.RepeatSuppressor;
import dev.accessaudit.streams.judgement.StandingAlerts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies the policy's per-rule suppression: repeats are folded into the standing alert, and when
 * stream time passes a window's end (checked every {@link #CHECK_INTERVAL} of stream time) the
 * standing alert is published again with its repeat count. Whether a repeat folds never depends on
 * when that check runs (see {@link RepeatSuppressor}). Corrections pass through unchanged.
 */
final class SuppressRepeats implements Processor<String, ComplianceAlert, String, ComplianceAlert> {

  static final Duration CHECK_INTERVAL = Duration.ofMinutes(1);

  private final RepeatSuppressor suppressor;
  private final String storeName;
  private ProcessorContext<String, ComplianceAlert> context;
  private StandingAlerts standing;

  SuppressRepeats(RepeatSuppressor suppressor, String storeName) {
    this.suppressor = suppressor;
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, ComplianceAlert> context) {
    this.context = context;
    this.standing = new StoreAlerts(context.getStateStore(storeName));
    context.schedule(CHECK_INTERVAL, PunctuationType.STREAM_TIME, this::closeWindows);
  }

  @Override
  public void process(Record<String, ComplianceAlert> record) {
    if (Rejudgement.isCorrection(record.value())) {
      context.forward(record); // a correction states what changed; it folds into nothing
      return;
    }
    for (ComplianceAlert alert :
        suppressor.offer(record.value(), standing, context.currentStreamTimeMs())) {
      context.forward(record.withValue(alert));
    }
  }

  private void closeWindows(long streamTime) {
    for (ComplianceAlert update : suppressor.close(streamTime, standing)) {
      context.forward(
          new Record<>(update.getStaffId(), update, update.getOccurredAt().toEpochMilli()));
    }
  }

  private record StoreAlerts(KeyValueStore<String, ComplianceAlert> store)
      implements StandingAlerts {

    @Override
    public ComplianceAlert get(String key) {
      return store.get(key);
    }

    @Override
    public void put(String key, ComplianceAlert alert) {
      store.put(key, alert);
    }

    @Override
    public void delete(String key) {
      store.delete(key);
    }

    @Override
    public List<ComplianceAlert> all() {
      List<ComplianceAlert> alerts = new ArrayList<>();
      try (KeyValueIterator<String, ComplianceAlert> it = store.all()) {
        it.forEachRemaining((KeyValue<String, ComplianceAlert> kv) -> alerts.add(kv.value));
      }
      return alerts;
    }
  }
}
