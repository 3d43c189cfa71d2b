package dev.accessaudit.registry.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the registry's topic when missing and checks that an existing one is compacted. */
final class SchemasTopic {

  private SchemasTopic() {}

  static void ensure(
      Map<String, Object> clientProperties,
      String topic,
      short replicationFactor,
      Duration timeout) {
    try (Admin admin = Admin.create(clientProperties)) {
      create(admin, topic, replicationFactor, timeout);
      checkCompacted(admin, topic, timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while preparing topic " + topic + ".", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Could not prepare the schema registry topic " + topic + ": " + rootMessage(e), e);
    }
  }

  private static void create(Admin admin, String topic, short replicationFactor, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    NewTopic newTopic =
        new NewTopic(topic, 1, replicationFactor)
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    try {
      admin.createTopics(List.of(newTopic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  private static void checkCompacted(Admin admin, String topic, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config =
        admin
            .describeConfigs(List.of(resource))
            .all()
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .get(resource);
    String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
    if (!policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)
        || policy.contains(TopicConfig.CLEANUP_POLICY_DELETE)) {
      throw new IllegalStateException(
          "Topic "
              + topic
              + " has cleanup.policy="
              + policy
              + ", but the schema registry needs cleanup.policy=compact so no schema is ever"
              + " deleted: change it with kafka-configs or use another topic.");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }
}
