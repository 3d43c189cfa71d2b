package dev.accessaudit.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchemaRegistryClientsTest {

  private static final String SCOPE = "SchemaRegistryClientsTest";

  @AfterEach
  void dropScope() {
    SchemaRegistryClients.dropMockScope(SCOPE);
  }

  @Test
  void shouldShareOneRegistryPerMockScope() {
    try (SchemaRegistryClient a = SchemaRegistryClients.forUrl("mock://" + SCOPE, Map.of());
        SchemaRegistryClient b = SchemaRegistryClients.forUrl("mock://" + SCOPE, Map.of())) {
      int id = a.register("s", SchemaRegistryTest.v1());

      assertThat(b.getSchemaById(id)).isEqualTo(SchemaRegistryTest.v1());
      assertThat(b.getLatestVersion("s").version()).isEqualTo(1);
    }
  }

  @Test
  void shouldStartEmptyAfterScopeIsDropped() {
    try (SchemaRegistryClient a = SchemaRegistryClients.forUrl("mock://" + SCOPE, Map.of())) {
      a.register("s", SchemaRegistryTest.v1());
    }
    SchemaRegistryClients.dropMockScope(SCOPE);

    try (SchemaRegistryClient b = SchemaRegistryClients.forUrl("mock://" + SCOPE, Map.of())) {
      assertThatThrownBy(() -> b.getSchemaById(1)).is(SchemaRegistryTest.code(40403));
    }
  }

  @Test
  void shouldTellCompatibilityWithoutRegistering() {
    try (SchemaRegistryClient a = SchemaRegistryClients.forUrl("mock://" + SCOPE, Map.of())) {
      assertThat(a.testCompatibility("s", SchemaRegistryTest.v1())).isTrue();
      a.register("s", SchemaRegistryTest.v1());

      assertThat(a.testCompatibility("s", SchemaRegistryTest.v2WithDefault())).isTrue();
      assertThat(a.testCompatibility("s", SchemaRegistryTest.v2WithoutDefault())).isFalse();
    }
  }

  @Test
  void shouldExplainAnUnusableUrl() {
    assertThatThrownBy(() -> SchemaRegistryClients.forUrl("localhost:8081", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("give http(s)://host:port");
    assertThatThrownBy(() -> SchemaRegistryClients.forUrl(" ", Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("schema.registry.url is not set");
  }
}
