package dev.accessaudit.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Static group membership: each instance keeps one {@code group.instance.id} in its state
 * directory, so a restarted instance (after a crash or a deploy) takes its partitions back at once
 * instead of waiting for the group to time the old member out (a dynamic member costs the whole
 * session timeout, 45 s by default, on every {@code kill -9}). Kafka Streams adds the stream
 * thread's index to the id for each of its consumers.
 *
 * <p>The session timeout is 15 s and the heartbeat 3 s: a member that is gone for good hands its
 * partitions to the others after 15 s, and one restarted within that time rejoins with no rebalance
 * at all. Users' own settings of these keys win.
 */
final class StaticMembership {

  static final String FILE = "access-audit-instance-id";
  static final int SESSION_TIMEOUT_MS = 15_000;
  static final int HEARTBEAT_INTERVAL_MS = 3_000;

  private StaticMembership() {}

  /** Adds the instance id and the session settings to {@code settings} unless already set. */
  static void apply(Map<String, Object> settings, Path stateDir) {
    String instanceKey = StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    if (!settings.containsKey(instanceKey)
        && !settings.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)) {
      settings.put(instanceKey, instanceId(stateDir));
    }
    settings.putIfAbsent(
        StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
        SESSION_TIMEOUT_MS);
    settings.putIfAbsent(
        StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
        HEARTBEAT_INTERVAL_MS);
  }

  /** The instance id kept in {@code stateDir}, created on first use. */
  static String instanceId(Path stateDir) {
    Path file = stateDir.resolve(FILE);
    try {
      if (Files.exists(file)) {
        String id = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (!id.isEmpty()) {
          return id;
        }
      }
      Files.createDirectories(stateDir);
      String id = "access-audit-" + UUID.randomUUID();
      Files.writeString(file, id + "\n", StandardCharsets.UTF_8);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot keep the group instance id in " + file + ": " + e.getMessage(), e);
    }
  }
}
