package dev.accessaudit.producers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class PublisherBuilderTest {

  @Test
  void shouldRequireBootstrapServersWhenNoProducerIsSupplied() {
    assertThatThrownBy(() -> AccessEventPublisher.builder().schemaRegistryUrl("mock://t").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "bootstrapServers is required (e.g. localhost:9092) when no producer is supplied");
  }

  @Test
  void shouldRequireSchemaRegistryUrlWhenNoProducerIsSupplied() {
    assertThatThrownBy(
            () -> AgreementPublisher.builder().bootstrapServers("localhost:9092").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("schemaRegistryUrl is required");
  }

  @Test
  void shouldRefuseBlankArguments() {
    assertThatThrownBy(() -> ConsentPublisher.builder().bootstrapServers(" "))
        .hasMessage("bootstrapServers must not be blank");
    assertThatThrownBy(() -> ConsentPublisher.builder().topic(""))
        .hasMessage("topic must not be blank");
  }

  @Test
  void shouldPassClientPropertiesThroughAndEnforceDeliveryGuarantees() {
    Map<String, Object> config =
        ProducerSettings.producerConfig(
            Map.of(
                "bootstrap.servers", "broker:9093",
                "schema.registry.url", "https://registry:8081",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "PLAIN",
                "ssl.truststore.location", "/etc/kafka/truststore.jks"));

    assertThat(config)
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.jks")
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
  }

  @Test
  void shouldRefuseWeakerAcks() {
    var builder =
        AccessEventPublisher.builder()
            .bootstrapServers("localhost:9092")
            .schemaRegistryUrl("mock://t")
            .property("acks", "1");

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("acks=1 is not allowed: audit records need acks=all");
  }

  @Test
  void shouldRefuseSerializerClassProperties() {
    var builder =
        AccessEventPublisher.builder()
            .bootstrapServers("localhost:9092")
            .schemaRegistryUrl("mock://t")
            .property("value.serializer", "org.example.Json");

    assertThatThrownBy(builder::build).hasMessageStartingWith("value.serializer cannot be set");
  }

  @Test
  void shouldBuildARealProducerWithASuppliedSerializer() {
    try (AccessEventPublisher publisher =
        AccessEventPublisher.builder()
            .bootstrapServers("localhost:1")
            .schemaRegistryUrl("mock://builder-test")
            .valueSerializer(Fixtures.markerSerializer())
            .build()) {
      assertThat(publisher.topic()).isEqualTo("visitor-data-access");
      publisher.close(Duration.ZERO);
    }
  }
}
