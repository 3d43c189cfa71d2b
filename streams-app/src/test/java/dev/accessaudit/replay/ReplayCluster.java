package dev.accessaudit.replay;

import dev.accessaudit.streams.topology.TopicNames;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real one-node KRaft cluster in this JVM, ready for exactly-once, with the audit topics. */
final class ReplayCluster {

  private ReplayCluster() {}

  static KafkaClusterTestKit start() throws Exception {
    KafkaClusterTestKit cluster =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("offsets.topic.num.partitions", "3")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("transaction.state.log.num.partitions", "3")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .setConfigProp("auto.create.topics.enable", "false")
            .build();
    cluster.format();
    cluster.startup();
    cluster.waitForReadyBrokers();
    return cluster;
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
