package dev.accessaudit.serde;

import dev.accessaudit.registry.SchemaRegistryClient;
import dev.accessaudit.registry.SchemaRegistryClients;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A {@link SpecificAvroSerializer} and {@link SpecificAvroDeserializer} sharing one registry
 * client; see them for the wire contract and the errors. Configure it with {@code
 * schema.registry.url} (and optionally {@code auto.register.schemas}, {@code use.latest.version},
 * {@code basic.auth.user.info}) unless a client is given.
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final Class<T> type;
  private SchemaRegistryClient client;
  private boolean ownsClient;
  private SpecificAvroSerializer<T> serializer;
  private SpecificAvroDeserializer<T> deserializer;

  /** A serde that makes its registry client when configured. */
  public SpecificAvroSerde(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  /** A serde that uses the given client (not closed by this serde). */
  public SpecificAvroSerde(Class<T> type, SchemaRegistryClient client) {
    this(type);
    this.client = Objects.requireNonNull(client, "client");
    this.serializer = new SpecificAvroSerializer<>(type, client);
    this.deserializer = new SpecificAvroDeserializer<>(type, client);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (client == null) {
      client = SchemaRegistryClients.forUrl(SerdeSettings.from(configs).registryUrl(), configs);
      ownsClient = true;
      serializer = new SpecificAvroSerializer<>(type, client);
      deserializer = new SpecificAvroDeserializer<>(type, client);
    }
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return configured(serializer);
  }

  @Override
  public Deserializer<T> deserializer() {
    return configured(deserializer);
  }

  private <S> S configured(S part) {
    if (part == null) {
      throw new IllegalStateException(
          "The serde is not configured: call configure() with schema.registry.url set.");
    }
    return part;
  }

  @Override
  public void close() {
    if (ownsClient && client != null) {
      client.close();
    }
  }
}
