package dev.accessaudit.cli;

import dev.accessaudit.app.Clients;
import dev.accessaudit.config.AuditConfig;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;

/**
 * Checks, before a command starts publishing, that Kafka answers and the topics exist: a clear
 * sentence up front instead of every record timing out one by one.
 */
final class Preflight {
  private Preflight() {}

  static void requireTopics(AuditConfig config, List<String> topics)
      throws ExecutionException, InterruptedException {
    try (Admin admin = Clients.admin(config)) {
      Set<String> existing = admin.listTopics().names().get();
      for (String topic : topics) {
        if (!existing.contains(topic)) {
          throw new IllegalStateException(
              "topic "
                  + topic
                  + " does not exist at "
                  + config.bootstrapServers()
                  + ": start the pipeline (./audit start) or create the topics (./audit topics)");
        }
      }
    }
  }
}
