package dev.accessaudit.streams.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class DeadLetterDeserializationHandlerTest {

  @Test
  void shouldTreatUnreachableRegistryAsOutageNotBadRecord() {
    var outage =
        new SchemaRegistryException(
            SchemaRegistryException.UNREACHABLE, "no registry URL answered");

    assertThat(DeadLetterDeserializationHandler.registryUnavailable(outage)).isTrue();
    assertThat(
            DeadLetterDeserializationHandler.registryUnavailable(
                new SerializationException("wrapped", outage)))
        .isTrue();
  }

  @Test
  void shouldTreatUnknownSchemaIdAsBadRecord() {
    var unknown = SchemaRegistryException.schemaNotFound(42);

    assertThat(DeadLetterDeserializationHandler.registryUnavailable(unknown)).isFalse();
    assertThat(
            DeadLetterDeserializationHandler.registryUnavailable(
                new SerializationException("schema id 42 is not known to the schema registry")))
        .isFalse();
  }
}
