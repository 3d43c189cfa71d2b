package dev.accessaudit.app;

import dev.accessaudit.config.AuditConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A topic as the contract wants it.
 *
 * @param replicationFactor empty = the broker's default
 * @param configs topic-level settings that must hold, e.g. {@code retention.ms=-1}
 */
public record TopicSpec(
    String name, int partitions, Optional<Short> replicationFactor, Map<String, String> configs) {

  /** Kept forever, never compacted: the audit history and the history of agreements. */
  public static final Map<String, String> FOREVER =
      Map.of("retention.ms", "-1", "cleanup.policy", "delete");

  public TopicSpec {
    configs = Map.copyOf(configs);
  }

  /** The six topics of the pipeline's contract, named and sized as configured. */
  public static List<TopicSpec> contractTopics(AuditConfig config) {
    AuditConfig.TopicSettings t = config.topics();
    return List.of(
            t.accessEvents(),
            t.agreements(),
            t.consents(),
            t.alerts(),
            t.deadLetter(),
            t.stateDeadLetter())
        .stream()
        .map(name -> new TopicSpec(name, t.partitions(), t.replicationFactor(), FOREVER))
        .toList();
  }
}
