package dev.accessaudit.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessaudit.app.TestBroker;
import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.StaffAgreement;
import dev.accessaudit.registry.CompatibilityLevel;
import dev.accessaudit.registry.SchemaRegistryClient;
import dev.accessaudit.registry.SchemaRegistryClients;
import dev.accessaudit.registry.SchemaRegistryException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registry server on a real KRaft broker: ids survive restarts, errors are Confluent's. */
class SchemaRegistryServerIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static TestBroker cluster;

  @BeforeAll
  static void startBroker() throws Exception {
    cluster = TestBroker.start();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    cluster.close();
  }

  private static Map<String, Object> clientProperties() {
    return Map.of("bootstrap.servers", cluster.bootstrapServers());
  }

  private static SchemaRegistryServer serverOn(String topic) {
    KafkaRegistryStorage storage =
        KafkaRegistryStorage.open(clientProperties(), topic, (short) 1, TIMEOUT);
    return SchemaRegistryServer.start(new InetSocketAddress("localhost", 0), storage);
  }

  @Test
  void shouldKeepIdsVersionsAndConfigAcrossARestart() {
    int eventId;
    int agreementId;
    try (SchemaRegistryServer server = serverOn("_schemas_restart");
        SchemaRegistryClient client = SchemaRegistryClients.forUrl(server.url(), Map.of())) {
      eventId = client.register("visitor-data-access-value", AccessEvent.getClassSchema());
      agreementId = client.register("staff-agreements-value", StaffAgreement.getClassSchema());
      client.register("copy-value", AccessEvent.getClassSchema());
      server.registry().setCompatibility("staff-agreements-value", CompatibilityLevel.FULL);
      server.registry().deleteSubject("copy-value");
    }

    try (SchemaRegistryServer server = serverOn("_schemas_restart");
        SchemaRegistryClient client = SchemaRegistryClients.forUrl(server.url(), Map.of())) {
      assertThat(client.getSchemaById(eventId)).isEqualTo(AccessEvent.getClassSchema());
      assertThat(client.getLatestVersion("staff-agreements-value").id()).isEqualTo(agreementId);
      assertThat(client.getId("visitor-data-access-value", AccessEvent.getClassSchema()))
          .isEqualTo(eventId);
      assertThat(server.registry().subjects())
          .containsExactly("staff-agreements-value", "visitor-data-access-value");
      assertThat(server.registry().compatibility("staff-agreements-value"))
          .isEqualTo(CompatibilityLevel.FULL);
      assertThat(client.register("other-value", SchemaBuilder.builder().stringType()))
          .isEqualTo(agreementId + 1);
    }
  }

  @Test
  void shouldAnswerConfluentErrorCodesOverHttp() {
    try (SchemaRegistryServer server = serverOn("_schemas_errors");
        SchemaRegistryClient client = SchemaRegistryClients.forUrl(server.url(), Map.of())) {
      Schema v1 = SchemaBuilder.record("T").fields().requiredString("a").endRecord();
      Schema breaking =
          SchemaBuilder.record("T").fields().requiredString("a").requiredInt("b").endRecord();
      client.register("t-value", v1);

      assertThatThrownBy(() -> client.getLatestVersion("unknown-value")).is(code(40401));
      assertThatThrownBy(() -> client.getSchemaById(4242)).is(code(40403));
      assertThatThrownBy(() -> client.register("t-value", breaking)).is(code(409));
      assertThat(client.getLatestVersion("t-value").version()).isEqualTo(1);
    }
  }

  @Test
  void shouldCreateACompactedSinglePartitionTopic() throws Exception {
    try (SchemaRegistryServer server = serverOn("_schemas_created");
        Admin admin = Admin.create(clientProperties())) {
      TopicDescription topic =
          admin
              .describeTopics(List.of("_schemas_created"))
              .allTopicNames()
              .get()
              .get("_schemas_created");
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "_schemas_created");
      String policy =
          admin
              .describeConfigs(List.of(resource))
              .all()
              .get()
              .get(resource)
              .get("cleanup.policy")
              .value();

      assertThat(topic.partitions()).hasSize(1);
      assertThat(policy).isEqualTo("compact");
      assertThat(server.port()).isPositive();
    }
  }

  @Test
  void shouldRefuseATopicThatIsNotCompacted() throws Exception {
    try (Admin admin = Admin.create(clientProperties())) {
      admin.createTopics(List.of(new NewTopic("_schemas_deleting", 1, (short) 1))).all().get();
    }

    assertThatThrownBy(
            () ->
                KafkaRegistryStorage.open(
                    clientProperties(), "_schemas_deleting", (short) 1, TIMEOUT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs cleanup.policy=compact");
  }

  private static org.assertj.core.api.Condition<Throwable> code(int errorCode) {
    return new org.assertj.core.api.Condition<>(
        t -> t instanceof SchemaRegistryException e && e.errorCode() == errorCode,
        "SchemaRegistryException with code " + errorCode);
  }
}
