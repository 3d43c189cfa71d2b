package dev.accessaudit.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/** The few numbers {@code GET /metrics} shows, summed over the Streams threads and tasks. */
final class StreamsMetrics {
  private static final Set<String> SUMMED =
      Set.of("process-total", "commit-total", "dropped-records-total");

  private StreamsMetrics() {}

  static Map<String, Object> snapshot(KafkaStreams streams, Instant started, Clock clock) {
    Map<String, Object> snapshot = new LinkedHashMap<>();
    snapshot.put("streams", streams.state().name());
    snapshot.put("uptimeSeconds", Duration.between(started, clock.instant()).toSeconds());
    snapshot.put("threads", streams.metadataForLocalThreads().size());
    Map<String, Double> sums = new LinkedHashMap<>();
    for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
      String name = e.getKey().name();
      if (SUMMED.contains(name)
          && isThreadOrTask(e.getKey())
          && e.getValue().metricValue() instanceof Double d
          && !d.isNaN()) {
        sums.merge(camel(name), d, Double::sum);
      }
    }
    sums.forEach((k, v) -> snapshot.put(k, v.longValue()));
    return snapshot;
  }

  private static boolean isThreadOrTask(MetricName name) {
    return name.group().equals("stream-thread-metrics")
        || name.group().equals("stream-task-metrics");
  }

  private static String camel(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }
}
