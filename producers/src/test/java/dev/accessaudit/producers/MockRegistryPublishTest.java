package dev.accessaudit.producers;

import static dev.accessaudit.producers.Fixtures.anAccessEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.serde.AvroSerdes;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Publishing in the serde module's Confluent wire format against a mock:// registry. */
class MockRegistryPublishTest {

  @Test
  void shouldWriteTheConfluentWireFormatThatTheSerdeReadsBack() {
    Serde<AccessEvent> serde =
        AvroSerdes.valueSerde(
            AccessEvent.class, Map.of("schema.registry.url", "mock://publisher-test"));
    MockProducer<String, AccessEvent> producer =
        new MockProducer<>(true, null, new StringSerializer(), serde.serializer());
    AccessEvent event = anAccessEvent().build();

    try (AccessEventPublisher publisher =
        AccessEventPublisher.builder().producer(producer).build()) {
      publisher.publish(event).join();
    }

    byte[] bytes = serde.serializer().serialize("visitor-data-access", event);
    assertThat(bytes[0]).isZero();
    assertThat(serde.deserializer().deserialize("visitor-data-access", bytes)).isEqualTo(event);
  }

  @Test
  void shouldBuildARealProducerWithTheDefaultWireFormatSerializer() {
    AccessEventPublisher publisher =
        AccessEventPublisher.builder()
            .bootstrapServers("localhost:1")
            .schemaRegistryUrl("mock://publisher-default")
            .build();

    publisher.close(Duration.ZERO);
    assertThat(publisher.topic()).isEqualTo("visitor-data-access");
  }
}
