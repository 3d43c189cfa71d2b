package dev.accessaudit.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates missing topics with the contract's settings, idempotently, and reports existing topics
 * whose partitions, replication factor or settings differ. It never alters an existing topic:
 * shrinking retention of an audit history is a decision for a person.
 */
public final class TopicProvisioner {
  private static final Duration VISIBLE_TIMEOUT = Duration.ofSeconds(30);

  private final Admin admin;

  public TopicProvisioner(Admin admin) {
    this.admin = admin;
  }

  public TopicReport provision(List<TopicSpec> specs)
      throws ExecutionException, InterruptedException {
    List<String> created = new ArrayList<>();
    List<TopicSpec> existing = new ArrayList<>();
    for (TopicSpec spec : specs) {
      if (create(spec)) {
        created.add(spec.name());
      } else {
        existing.add(spec);
      }
    }
    describe(created);
    List<TopicReport.Difference> differences = compare(existing);
    List<String> unchanged =
        existing.stream()
            .map(TopicSpec::name)
            .filter(n -> differences.stream().noneMatch(d -> d.topic().equals(n)))
            .toList();
    return new TopicReport(created, unchanged, differences);
  }

  /** True when the topic was created, false when it existed already. */
  private boolean create(TopicSpec spec) throws ExecutionException, InterruptedException {
    NewTopic topic =
        new NewTopic(spec.name(), Optional.of(spec.partitions()), spec.replicationFactor())
            .configs(spec.configs());
    try {
      admin.createTopics(List.of(topic)).all().get();
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return false;
      }
      throw e;
    }
  }

  private List<TopicReport.Difference> compare(List<TopicSpec> specs)
      throws ExecutionException, InterruptedException {
    if (specs.isEmpty()) {
      return List.of();
    }
    List<String> names = specs.stream().map(TopicSpec::name).toList();
    Map<String, TopicDescription> descriptions = describe(names);
    Map<ConfigResource, Config> configs = admin.describeConfigs(resources(names)).all().get();
    List<TopicReport.Difference> differences = new ArrayList<>();
    for (TopicSpec spec : specs) {
      TopicDescription description = descriptions.get(spec.name());
      Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
      differences.addAll(differences(spec, description, config));
    }
    return differences;
  }

  /**
   * Describes topics, waiting until the broker knows them all: a topic just created (here or by a
   * concurrent run) takes a moment to reach the broker's metadata.
   */
  private Map<String, TopicDescription> describe(List<String> names)
      throws ExecutionException, InterruptedException {
    long deadline = System.nanoTime() + VISIBLE_TIMEOUT.toNanos();
    while (true) {
      try {
        return admin.describeTopics(names).allTopicNames().get();
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100); // back off before asking the broker again
      }
    }
  }

  static List<TopicReport.Difference> differences(
      TopicSpec spec, TopicDescription description, Config config) {
    List<TopicReport.Difference> found = new ArrayList<>();
    int partitions = description.partitions().size();
    if (partitions != spec.partitions()) {
      found.add(diff(spec, "partitions", spec.partitions(), partitions));
    }
    int replicas = description.partitions().get(0).replicas().size();
    spec.replicationFactor()
        .filter(rf -> rf != replicas)
        .ifPresent(rf -> found.add(diff(spec, "replication.factor", rf, replicas)));
    spec.configs()
        .forEach(
            (key, expected) -> {
              String actual =
                  Optional.ofNullable(config.get(key)).map(ConfigEntry::value).orElse("");
              if (!expected.equals(actual)) {
                found.add(diff(spec, key, expected, actual));
              }
            });
    return found;
  }

  private static TopicReport.Difference diff(
      TopicSpec spec, String setting, Object want, Object got) {
    return new TopicReport.Difference(spec.name(), setting, want.toString(), got.toString());
  }

  private static Collection<ConfigResource> resources(List<String> names) {
    return names.stream()
        .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n))
        .collect(Collectors.toList());
  }
}
