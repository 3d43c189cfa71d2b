package dev.accessaudit.http;

import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Whether the pipeline is up: it is UP once Kafka Streams has reached RUNNING, and stays UP through
 * later rebalances; it is DOWN before the first RUNNING and once it stops or fails.
 */
public final class Health {
  private final Supplier<KafkaStreams.State> state;
  private volatile boolean reachedRunning;

  public Health(Supplier<KafkaStreams.State> state) {
    this.state = state;
  }

  public KafkaStreams.State state() {
    return state.get();
  }

  /** True when the pipeline judges events now. */
  public boolean up() {
    KafkaStreams.State current = state.get();
    if (current == KafkaStreams.State.RUNNING) {
      reachedRunning = true;
      return true;
    }
    return reachedRunning && current == KafkaStreams.State.REBALANCING;
  }
}
