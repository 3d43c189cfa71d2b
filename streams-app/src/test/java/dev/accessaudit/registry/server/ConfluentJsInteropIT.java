package dev.accessaudit.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accessaudit.avro.AccessAction;
import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.DataCategory;
import dev.accessaudit.interop.NodeInterop;
import dev.accessaudit.serde.AvroSerdes;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Byte compatibility with an implementation we did not write: Confluent's JS client
 * (@confluentinc/schemaregistry) against our registry server. Skipped without Node.js, npm or an
 * npm registry.
 */
class ConfluentJsInteropIT {

  private static final String TOPIC = "visitor-data-access";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static NodeInterop.Setup node;

  private SchemaRegistryServer server;

  @TempDir Path files;

  @BeforeAll
  static void installConfluentJsClient() throws Exception {
    node = NodeInterop.prepare();
  }

  @BeforeEach
  void startRegistry() {
    NodeInterop.assumeReady(node);
    server =
        SchemaRegistryServer.start(
            new InetSocketAddress("localhost", 0), new InMemoryRegistryStorage());
  }

  @AfterEach
  void stopRegistry() {
    if (server != null) {
      server.close();
    }
  }

  static AccessEvent anAccessEvent() {
    return AccessEvent.newBuilder()
        .setEventId("0b6f2d4e-interop")
        .setOccurredAt(Instant.parse("2024-05-06T07:08:09.010Z"))
        .setService("crm")
        .setStaffId("staff-17")
        .setStaffOffice("GB")
        .setVisitorId("visitor-99")
        .setCategory(DataCategory.CONTACT_INFO)
        .setAction(AccessAction.DISCLOSE)
        .setPurpose(AccessPurpose.CUSTOMER_CONTACT)
        .setRecipient("partner-ltd")
        .setEncryptedInTransit(false)
        .setFields(List.of("email", "phone"))
        .build();
  }

  @Test
  void shouldWriteTheSameBytesAsConfluentsJsSerializer() throws Exception {
    JsonNode js = jsSerialize();
    byte[] jsBytes = HexFormat.of().parseHex(js.get("hex").asText());

    try (Serde<AccessEvent> lookUp = serde(false);
        Serde<AccessEvent> register = serde(true)) {
      byte[] javaBytes = lookUp.serializer().serialize(TOPIC, anAccessEvent());

      assertThat(HexFormat.of().formatHex(javaBytes)).isEqualTo(js.get("hex").asText());
      assertThat(register.serializer().serialize(TOPIC, anAccessEvent())).isEqualTo(jsBytes);
      assertThat(server.registry().versions(TOPIC + "-value")).containsExactly(1);
    }
  }

  @Test
  void shouldReadWhatConfluentsJsSerializerWrote() throws Exception {
    byte[] jsBytes = HexFormat.of().parseHex(jsSerialize().get("hex").asText());

    try (Serde<AccessEvent> serde = serde(false)) {
      assertThat(serde.deserializer().deserialize(TOPIC, jsBytes)).isEqualTo(anAccessEvent());
    }
  }

  @Test
  void shouldBeReadByConfluentsJsDeserializer() throws Exception {
    try (Serde<AccessEvent> serde = serde(true)) {
      String hex = HexFormat.of().formatHex(serde.serializer().serialize(TOPIC, anAccessEvent()));

      JsonNode decoded =
          JSON.readTree(NodeInterop.interop(node.work(), "deserialize", server.url(), TOPIC, hex));

      assertThat(decoded).isEqualTo(JSON.valueToTree(NodeInterop.asJsObject(anAccessEvent())));
    }
  }

  private JsonNode jsSerialize() throws Exception {
    Path schema =
        Files.writeString(files.resolve("schema.avsc"), AccessEvent.getClassSchema().toString());
    Path record = files.resolve("record.json");
    JSON.writeValue(record.toFile(), NodeInterop.asJsObject(anAccessEvent()));
    return JSON.readTree(
        NodeInterop.interop(
            node.work(), "serialize", server.url(), TOPIC, schema.toString(), record.toString()));
  }

  private Serde<AccessEvent> serde(boolean autoRegister) {
    return AvroSerdes.valueSerde(
        AccessEvent.class,
        Map.of(
            AvroSerdes.SCHEMA_REGISTRY_URL,
            server.url(),
            AvroSerdes.AUTO_REGISTER_SCHEMAS,
            autoRegister));
  }
}
