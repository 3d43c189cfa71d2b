package dev.accessaudit.serde;

import dev.accessaudit.registry.SchemaRegistryClient;
import dev.accessaudit.registry.SchemaRegistryClients;
import dev.accessaudit.registry.SchemaRegistryException;
import dev.accessaudit.registry.SchemaVersion;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro records in Confluent's wire format, byte for byte as Confluent's {@code
 * KafkaAvroSerializer} does: {@code 0x00}, the schema id (big-endian int32), the Avro binary.
 *
 * <p>The subject is {@code <topic>-value} ({@code <topic>-key} for keys). With {@code
 * auto.register.schemas=true} (the default) the record's schema is registered under it (once per
 * schema, then cached); with {@code false} its id is looked up, or, with {@code
 * use.latest.version=true}, the subject's latest version is used (looked up once) and the record
 * written with that schema, whose fields must then be in the same order. {@code null} becomes
 * {@code null}. Registry failures become a {@link SerializationException} with one sentence.
 *
 * <p>Configured with {@code schema.registry.url} unless a client is given to the constructor; a
 * client it made itself it closes on {@link #close()}.
 */
public class SpecificAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

  private final Class<T> type;
  private final Schema classSchema;

  /** The schema version each subject resolved to: the class schema is fixed, so once is enough. */
  private final Map<String, SchemaVersion> resolved = new ConcurrentHashMap<>();

  private final Map<Schema, SpecificDatumWriter<T>> writers = new ConcurrentHashMap<>();
  private SchemaRegistryClient client;
  private boolean ownsClient;
  private SerdeSettings settings = SerdeSettings.DEFAULTS;
  private boolean isKey;

  /** A serializer that makes its registry client from {@code schema.registry.url}. */
  public SpecificAvroSerializer(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
    this.classSchema = SpecificData.get().getSchema(type);
  }

  /** A serializer that uses the given client (not closed by this serializer). */
  public SpecificAvroSerializer(Class<T> type, SchemaRegistryClient client) {
    this(type);
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.settings = SerdeSettings.from(configs);
    this.isKey = isKey;
    if (client == null) {
      client = SchemaRegistryClients.forUrl(settings.registryUrl(), configs);
      ownsClient = true;
    }
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    if (client == null) {
      throw new IllegalStateException(
          "The serializer is not configured: call configure() with schema.registry.url set.");
    }
    String subject = topic + (isKey ? "-key" : "-value");
    SchemaVersion target = resolved.computeIfAbsent(subject, this::resolve);
    return encode(target.id(), target.schema(), data);
  }

  private SchemaVersion resolve(String subject) {
    try {
      if (settings.autoRegister()) {
        return new SchemaVersion(subject, 0, client.register(subject, classSchema), classSchema);
      }
      if (settings.useLatestVersion()) {
        return client.getLatestVersion(subject);
      }
      return new SchemaVersion(subject, 0, client.getId(subject, classSchema), classSchema);
    } catch (SchemaRegistryException e) {
      throw new SerializationException(
          "could not get a schema id for "
              + type.getSimpleName()
              + " under subject '"
              + subject
              + "': "
              + e.getMessage(),
          e);
    }
  }

  private byte[] encode(int id, Schema schema, T data) {
    try {
      EncodeBuffer out = EncodeBuffer.start(WireFormat.header(id));
      writers.computeIfAbsent(schema, this::writer).write(data, out.encoder());
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "could not write " + type.getSimpleName() + " as Avro: " + e.getMessage(), e);
    }
  }

  private SpecificDatumWriter<T> writer(Schema schema) {
    return new SpecificDatumWriter<>(schema, SpecificData.getForClass(type));
  }

  @Override
  public void close() {
    if (ownsClient && client != null) {
      client.close();
    }
  }
}
