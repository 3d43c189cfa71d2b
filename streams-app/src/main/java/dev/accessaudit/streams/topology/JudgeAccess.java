package dev.accessaudit.streams.topology;

import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.EnrichedAccess;
import dev.accessaudit.streams.judgement.AccessJudge;
import dev.accessaudit.streams.judgement.BulkAccessTracker;
import dev.accessaudit.streams.judgement.VisitorWindows;
import dev.accessaudit.streams.rules.AccessContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Turns an enriched access into the alerts it raises under the policy version in force at its time:
 * every per-access rule, and BULK_ACCESS from the distinct visitors counted in a window store.
 */
final class JudgeAccess implements FixedKeyProcessor<String, EnrichedAccess, ComplianceAlert> {

  private final AccessJudge judge;
  private final BulkAccessTracker bulk;
  private final String windowStoreName;
  private final Clock clock;
  private FixedKeyProcessorContext<String, ComplianceAlert> context;
  private VisitorWindows windows;

  JudgeAccess(AccessJudge judge, String windowStoreName, Clock clock) {
    this.judge = judge;
    this.bulk = new BulkAccessTracker(judge.policy());
    this.windowStoreName = windowStoreName;
    this.clock = clock;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, ComplianceAlert> context) {
    this.context = context;
    this.windows =
        windowStoreName == null
            ? NO_WINDOWS
            : new StoreWindows(context.getStateStore(windowStoreName));
  }

  @Override
  public void process(FixedKeyRecord<String, EnrichedAccess> record) {
    EnrichedAccess enriched = record.value();
    AccessContext access =
        new AccessContext(enriched.getEvent(), enriched.getAgreement(), enriched.getConsent());
    Instant now = clock.instant();
    List<ComplianceAlert> alerts = new ArrayList<>(judge.judge(access, now));
    bulk.record(access, windows, now).ifPresent(alerts::add);
    alerts.forEach(alert -> context.forward(record.withValue(alert)));
  }

  /** For a policy without BULK_ACCESS: the tracker never asks. */
  private static final VisitorWindows NO_WINDOWS =
      new VisitorWindows() {
        @Override
        public List<String> get(String staffId, long windowStart) {
          return List.of();
        }

        @Override
        public void put(String staffId, long windowStart, List<String> visitors) {
          throw new IllegalStateException("the policy has no BULK_ACCESS rule");
        }
      };

  /** The bulk counts in a window store: key staffId, window start as the record time. */
  private record StoreWindows(WindowStore<String, List<String>> store) implements VisitorWindows {

    @Override
    public List<String> get(String staffId, long windowStart) {
      try (WindowStoreIterator<List<String>> it = store.fetch(staffId, windowStart, windowStart)) {
        return it.hasNext() ? it.next().value : List.of();
      }
    }

    @Override
    public void put(String staffId, long windowStart, List<String> visitors) {
      store.put(staffId, visitors, windowStart);
    }
  }
}
