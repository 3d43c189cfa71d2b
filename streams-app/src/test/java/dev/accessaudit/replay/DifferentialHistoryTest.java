package dev.accessaudit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.replay.DifferentialHistory.Outgoing;
import dev.accessaudit.replay.DifferentialHistory.Step;
import dev.accessaudit.streams.topology.TopicNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shape {@link LiveReplayDifferentialIT} relies on: the same steps for the same seed, and each
 * step's records timed after everything published before it, but for copies of earlier events,
 * which come right after the step's fence on their partition.
 */
class DifferentialHistoryTest {

  private static final TopicNames NAMES = TopicNames.defaults();

  private static List<Step> generate(long seed) throws Exception {
    List<Step> steps = new ArrayList<>();
    new DifferentialHistory(seed, 5_000, NAMES).generate(steps::add);
    return steps;
  }

  @Test
  void shouldGenerateTheSameStepsForTheSameSeed() throws Exception {
    List<Step> first = generate(7);
    List<Step> second = generate(7);

    assertThat(second).hasSameSizeAs(first);
    for (int i = 0; i < first.size(); i++) {
      assertThat(second.get(i).name()).isEqualTo(first.get(i).name());
      assertThat(second.get(i).records())
          .usingRecursiveFieldByFieldElementComparator()
          .isEqualTo(first.get(i).records());
    }
  }

  @Test
  void shouldTimeEveryStepAfterEverythingPublishedBeforeButCopiesOfEarlierEvents()
      throws Exception {
    long latest = Long.MIN_VALUE;
    Set<String> published = new HashSet<>();
    List<String> early = new ArrayList<>();
    for (Step step : generate(11)) {
      long stepLatest = latest;
      Map<Integer, Boolean> fenced = new HashMap<>();
      for (Outgoing r : step.records()) {
        if (r.value() instanceof byte[]) {
          continue; // undecodable: the pipeline drops it unread, with no time
        }
        AccessEvent e = r.value() instanceof AccessEvent a ? a : null;
        long time = e != null ? e.getOccurredAt().toEpochMilli() : r.timestamp();
        int partition =
            r.key() == null ? -1 : Scenario.partitionOf(r.key(), DifferentialHistory.PARTITIONS);
        boolean copy = e != null && published.contains(e.getEventId()) && r.key() != null;
        if (copy) {
          if (!fenced.getOrDefault(partition, false)) {
            early.add(step.name() + ": copy " + e.getEventId() + " before the fence");
          }
        } else {
          if (time <= latest) {
            early.add(step.name() + ": " + r + " not after " + latest);
          }
          stepLatest = Math.max(stepLatest, time);
        }
        if (e != null && r.key() != null) {
          fenced.putIfAbsent(partition, e.getStaffId().startsWith("s-tick-"));
          published.add(e.getEventId());
        }
      }
      latest = stepLatest;
    }

    assertThat(early).isEmpty();
  }
}
