package dev.accessaudit.replay;

import dev.accessaudit.app.TestBroker;
import dev.accessaudit.streams.topology.TopicNames;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/** A real one-node KRaft cluster in this JVM, ready for exactly-once, with the audit topics. */
final class ReplayCluster {

  private ReplayCluster() {}

  static TestBroker start() throws Exception {
    return TestBroker.start();
  }

  /**
   * Creates every topic of the pipeline with {@code partitions} partitions, kept forever as the
   * contract says (with the default 7-day retention the broker would delete old test histories).
   */
  static void createTopics(String bootstrap, TopicNames names, int partitions) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      List<NewTopic> topics =
          names.all().stream()
              .map(
                  t ->
                      new NewTopic(t, partitions, (short) 1)
                          .configs(Map.of("retention.ms", "-1", "retention.bytes", "-1")))
              .toList();
      admin.createTopics(topics).all().get();
    }
  }
}
