package dev.accessaudit.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessaudit.avro.AccessAction;
import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.avro.AccessPurpose;
import dev.accessaudit.avro.DataCategory;
import dev.accessaudit.registry.SchemaRegistryClient;
import dev.accessaudit.registry.SchemaRegistryClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SpecificAvroSerdeTest {

  private static final String SCOPE = "SpecificAvroSerdeTest";
  private static final String TOPIC = "visitor-data-access";
  private static final Map<String, Object> CONFIG =
      Map.of(AvroSerdes.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);

  private Serde<AccessEvent> serde;
  private SchemaRegistryClient registry;

  @BeforeEach
  void setUp() {
    serde = AvroSerdes.valueSerde(AccessEvent.class, CONFIG);
    registry = SchemaRegistryClients.forUrl("mock://" + SCOPE, Map.of());
  }

  @AfterEach
  void tearDown() {
    serde.close();
    SchemaRegistryClients.dropMockScope(SCOPE);
  }

  static AccessEvent anAccessEvent() {
    return AccessEvent.newBuilder()
        .setEventId("e-1")
        .setOccurredAt(Instant.parse("2024-03-01T10:15:30.123Z"))
        .setService("billing")
        .setStaffId("s-42")
        .setStaffOffice("GB")
        .setVisitorId("v-7")
        .setCategory(DataCategory.FINANCIAL)
        .setAction(AccessAction.VIEW)
        .setPurpose(AccessPurpose.TRANSACTION_PROCESSING)
        .setTransactionId("t-9")
        .setEncryptedInTransit(true)
        .setFields(List.of("cardNumber", "expiry"))
        .build();
  }

  @Test
  void shouldRoundTripAnEventThroughTheWireFormat() {
    byte[] bytes = serde.serializer().serialize(TOPIC, anAccessEvent());

    assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(anAccessEvent());
  }

  @Test
  void shouldWriteEachRecordAloneWhenTheThreadWroteALargerOneBefore() {
    AccessEvent large =
        AccessEvent.newBuilder(anAccessEvent())
            .setFields(java.util.Collections.nCopies(2_000, "email"))
            .build();
    AccessEvent small = anAccessEvent();
    byte[] first = serde.serializer().serialize(TOPIC, small);

    byte[] big = serde.serializer().serialize(TOPIC, large);
    byte[] again = serde.serializer().serialize(TOPIC, small);

    assertThat(again).isEqualTo(first).isNotSameAs(first);
    assertThat(serde.deserializer().deserialize(TOPIC, big)).isEqualTo(large);
    assertThat(serde.deserializer().deserialize(TOPIC, again)).isEqualTo(small);
  }

  @Test
  void shouldFrameWithMagicByteAndRegisteredIdUnderTopicValueSubject() {
    byte[] bytes = serde.serializer().serialize(TOPIC, anAccessEvent());

    int id = registry.getId(TOPIC + "-value", AccessEvent.getClassSchema());
    assertThat(bytes[0]).isZero();
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
  }

  @Test
  void shouldAskTheRegistryOnlyOncePerSubject() {
    int[] registrations = {0};
    SchemaRegistryClient counting =
        (SchemaRegistryClient)
            java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {SchemaRegistryClient.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("register")) {
                    registrations[0]++;
                  }
                  return method.invoke(registry, args);
                });
    try (SpecificAvroSerializer<AccessEvent> serializer =
        new SpecificAvroSerializer<>(AccessEvent.class, counting)) {
      serializer.configure(CONFIG, false);
      for (int i = 0; i < 3; i++) {
        serializer.serialize(TOPIC, anAccessEvent());
      }
    }

    assertThat(registrations[0]).isEqualTo(1);
  }

  @Test
  void shouldUseKeySubjectWhenConfiguredForKeys() {
    try (SpecificAvroSerializer<AccessEvent> keys =
        new SpecificAvroSerializer<>(AccessEvent.class)) {
      keys.configure(CONFIG, true);
      keys.serialize(TOPIC, anAccessEvent());
    }

    assertThat(registry.getLatestVersion(TOPIC + "-key").schema())
        .isEqualTo(AccessEvent.getClassSchema());
  }

  @Test
  void shouldMapNullToNullBothWays() {
    assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
    assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
  }

  @Test
  void shouldExplainWhenFirstByteIsNotTheMagicByte() {
    byte[] json = "{\"eventId\":\"e-1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, json))
        .isInstanceOf(SerializationException.class)
        .hasMessage("value is not in the Confluent wire format: first byte is 0x7b, expected 0x00");
  }

  @Test
  void shouldExplainWhenPayloadIsShorterThanTheHeader() {
    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, new byte[] {0, 0, 1}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("it has 3 bytes, fewer than the 5-byte header");
  }

  @Test
  void shouldExplainWhenSchemaIdIsUnknown() {
    byte[] bytes = {0, 0, 0, 0, 42, 2, 65};

    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessage("schema id 42 is not known to the schema registry");
  }

  @Test
  void shouldExplainWhenBytesDoNotDecodeWithTheWriterSchema() {
    byte[] good = serde.serializer().serialize(TOPIC, anAccessEvent());
    byte[] truncated = java.util.Arrays.copyOf(good, 12);
    int id = ByteBuffer.wrap(good, 1, 4).getInt();

    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith(
            "value does not decode as AccessEvent with writer schema id " + id + ": ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void shouldExplainWhenTheWriterSchemaIsAnotherRecord() {
    dev.accessaudit.avro.VisitorConsent consent =
        dev.accessaudit.avro.VisitorConsent.newBuilder()
            .setVisitorId("v-1")
            .setMarketingOptOut(true)
            .setEffectiveFrom(Instant.EPOCH)
            .build();
    byte[] bytes;
    try (Serde<dev.accessaudit.avro.VisitorConsent> consents =
        AvroSerdes.valueSerde(dev.accessaudit.avro.VisitorConsent.class, CONFIG)) {
      bytes = consents.serializer().serialize("visitor-consents", consent);
    }

    assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageStartingWith("value does not decode as AccessEvent with writer schema id ")
        .hasMessageContaining("VisitorConsent");
  }

  @Test
  void shouldReadUnknownEnumSymbolOfNewerWriterAsTheDefault() throws IOException {
    Schema newer = withExtraCategory("BIOMETRIC");
    int id = registry.register("newer-" + TOPIC + "-value", newer);
    GenericRecord record = new GenericData.Record(newer);
    AccessEvent e = anAccessEvent();
    for (Schema.Field f : newer.getFields()) {
      record.put(f.name(), GenericData.get().deepCopy(f.schema(), genericValue(e, f)));
    }
    record.put(
        "category", new GenericData.EnumSymbol(newer.getField("category").schema(), "BIOMETRIC"));

    AccessEvent read = serde.deserializer().deserialize(TOPIC, frame(id, newer, record));

    assertThat(read.getCategory()).isEqualTo(DataCategory.UNKNOWN);
    assertThat(read.getEventId()).isEqualTo("e-1");
  }

  @Test
  void shouldLookUpIdWithoutRegisteringWhenAutoRegisterIsOff() {
    Map<String, Object> config =
        Map.of(
            AvroSerdes.SCHEMA_REGISTRY_URL,
            "mock://" + SCOPE,
            AvroSerdes.AUTO_REGISTER_SCHEMAS,
            "false");
    try (Serde<AccessEvent> lookup = AvroSerdes.valueSerde(AccessEvent.class, config)) {
      assertThatThrownBy(() -> lookup.serializer().serialize(TOPIC, anAccessEvent()))
          .isInstanceOf(SerializationException.class)
          .hasMessageContaining("subject 'visitor-data-access-value'");

      int id = registry.register(TOPIC + "-value", AccessEvent.getClassSchema());
      byte[] bytes = lookup.serializer().serialize(TOPIC, anAccessEvent());
      assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    }
  }

  @Test
  void shouldWriteWithLatestVersionWhenAsked() {
    int id = registry.register(TOPIC + "-value", AccessEvent.getClassSchema());
    Map<String, Object> config =
        Map.of(
            AvroSerdes.SCHEMA_REGISTRY_URL, "mock://" + SCOPE,
            AvroSerdes.AUTO_REGISTER_SCHEMAS, false,
            AvroSerdes.USE_LATEST_VERSION, true);
    try (Serde<AccessEvent> latest = AvroSerdes.valueSerde(AccessEvent.class, config)) {
      byte[] bytes = latest.serializer().serialize(TOPIC, anAccessEvent());

      assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
      assertThat(serde.deserializer().deserialize(TOPIC, bytes)).isEqualTo(anAccessEvent());
    }
  }

  @Test
  void shouldSaySchemaRegistryUrlIsMissing() {
    assertThatThrownBy(() -> AvroSerdes.valueSerde(AccessEvent.class, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("schema.registry.url is not set: set it to");
  }

  @Test
  void shouldRejectAFlagThatIsNotABoolean() {
    Map<String, Object> config =
        Map.of(
            AvroSerdes.SCHEMA_REGISTRY_URL,
            "mock://" + SCOPE,
            AvroSerdes.AUTO_REGISTER_SCHEMAS,
            "yes");

    assertThatThrownBy(() -> AvroSerdes.valueSerde(AccessEvent.class, config))
        .isInstanceOf(ConfigException.class)
        .hasMessage("auto.register.schemas must be true or false, not 'yes'.");
  }

  private static Object genericValue(AccessEvent e, Schema.Field f) {
    Object value = e.get(f.name());
    if (value instanceof Instant instant) {
      return instant.toEpochMilli();
    }
    if (value instanceof Enum<?> symbol) {
      return new GenericData.EnumSymbol(f.schema(), symbol.name());
    }
    return value;
  }

  private static Schema withExtraCategory(String symbol) {
    String json =
        AccessEvent.getClassSchema()
            .toString()
            .replace("\"TELEPHONE_RECORDING\",", "\"TELEPHONE_RECORDING\",\"" + symbol + "\",");
    return new Schema.Parser().parse(json);
  }

  private static byte[] frame(int id, Schema schema, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }
}
