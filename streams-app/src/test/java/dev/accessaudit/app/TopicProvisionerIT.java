package dev.accessaudit.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.config.AuditConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TopicProvisionerIT {
  private static TestBroker cluster;
  private static Admin admin;

  @BeforeAll
  static void startBroker() throws Exception {
    cluster = TestBroker.start();
    admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()));
  }

  @AfterAll
  static void stopBroker() throws Exception {
    admin.close();
    cluster.close();
  }

  @Test
  void shouldCreateTheContractTopicsOnceAndReportThemUnchangedAfterwards() throws Exception {
    List<TopicSpec> specs = TopicSpec.contractTopics(AuditConfig.defaults());
    TopicProvisioner provisioner = new TopicProvisioner(admin);

    TopicReport first = provisioner.provision(specs);
    TopicReport second = provisioner.provision(specs);

    assertThat(first.created())
        .containsExactly(
            "visitor-data-access",
            "staff-agreements",
            "visitor-consents",
            "compliance-alerts",
            "visitor-data-access-dlq",
            "audit-state-dlq");
    assertThat(second.created()).isEmpty();
    assertThat(second.unchanged()).isEqualTo(first.created());
    assertThat(second.consistent()).isTrue();
    var config =
        admin
            .describeConfigs(
                List.of(new ConfigResource(ConfigResource.Type.TOPIC, "staff-agreements")))
            .all()
            .get()
            .values()
            .iterator()
            .next();
    assertThat(config.get("retention.ms").value()).isEqualTo("-1");
    assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
    assertThat(admin.describeTopics(List.of("staff-agreements")).allTopicNames().get())
        .extractingByKey("staff-agreements")
        .satisfies(d -> assertThat(d.partitions()).hasSize(3));
  }

  @Test
  void shouldReportAnExistingTopicWhoseSettingsDifferWithoutChangingIt() throws Exception {
    admin
        .createTopics(
            List.of(
                new NewTopic("odd-agreements", 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact"))))
        .all()
        .get();
    TopicSpec wanted = new TopicSpec("odd-agreements", 3, Optional.empty(), TopicSpec.FOREVER);

    TopicReport report = new TopicProvisioner(admin).provision(List.of(wanted));

    assertThat(report.created()).isEmpty();
    assertThat(report.unchanged()).isEmpty();
    assertThat(report.differences())
        .extracting(TopicReport.Difference::sentence)
        .containsExactlyInAnyOrder(
            "topic odd-agreements has partitions=1, expected 3",
            "topic odd-agreements has cleanup.policy=compact, expected delete",
            "topic odd-agreements has retention.ms=604800000, expected -1");
  }
}
