package dev.accessaudit.serde;

import dev.accessaudit.registry.SchemaRegistryClient;
import dev.accessaudit.registry.SchemaRegistryClients;
import dev.accessaudit.registry.SchemaRegistryException;
import java.io.EOFException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Confluent's wire format into a generated Avro class: the writer schema is fetched by the id
 * in the payload (once per id, then cached) and resolved against the class's schema, so a reader
 * built before a new enum symbol reads it as the enum's default.
 *
 * <p>{@code null} gives {@code null}. A payload that is not ours throws a {@link
 * SerializationException} whose message is one sentence for a person, e.g. {@code value is not in
 * the Confluent wire format: first byte is 0x7b, expected 0x00}, {@code schema id 42 is not known
 * to the schema registry}, {@code value does not decode as AccessEvent with writer schema id 3:
 * ...}. Failing to reach the registry is not a fault of the record: it surfaces as a {@link
 * SchemaRegistryException}, so that error handlers can stop instead of dead-lettering.
 */
public class SpecificAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private static final int MAX_CAUSE_LENGTH = 160;

  private final Class<T> type;
  private final Schema readerSchema;
  private final Map<Integer, SpecificDatumReader<T>> readers = new ConcurrentHashMap<>();
  private SchemaRegistryClient client;
  private boolean ownsClient;
  private String what = "value";

  /** A deserializer that makes its registry client from {@code schema.registry.url}. */
  public SpecificAvroDeserializer(Class<T> type) {
    this.type = Objects.requireNonNull(type, "type");
    this.readerSchema = SpecificData.get().getSchema(type);
  }

  /** A deserializer that uses the given client (not closed by this deserializer). */
  public SpecificAvroDeserializer(Class<T> type, SchemaRegistryClient client) {
    this(type);
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    this.what = isKey ? "key" : "value";
    if (client == null) {
      client = SchemaRegistryClients.forUrl(SerdeSettings.from(configs).registryUrl(), configs);
      ownsClient = true;
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (client == null) {
      throw new IllegalStateException(
          "The deserializer is not configured: call configure() with schema.registry.url set.");
    }
    int id = WireFormat.schemaId(data, what);
    SpecificDatumReader<T> reader = readers.computeIfAbsent(id, this::reader);
    try {
      int length = data.length - WireFormat.HEADER_LENGTH;
      return reader.read(
          null, DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_LENGTH, length, null));
    } catch (SecurityException e) {
      throw e; // Avro's trusted-packages check: a set-up fault, not a bad record.
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          what
              + " does not decode as "
              + type.getSimpleName()
              + " with writer schema id "
              + id
              + ": "
              + shortCause(e),
          e);
    }
  }

  private SpecificDatumReader<T> reader(int id) {
    Schema writer;
    try {
      writer = client.getSchemaById(id);
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == SchemaRegistryException.SCHEMA_NOT_FOUND) {
        throw new SerializationException(
            "schema id " + id + " is not known to the schema registry", e);
      }
      throw e;
    }
    return new SpecificDatumReader<>(writer, readerSchema, SpecificData.getForClass(type));
  }

  static String shortCause(Throwable e) {
    if (e instanceof EOFException) {
      return "the data ends before the record does";
    }
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    String firstLine = message.strip().lines().findFirst().orElse("");
    return firstLine.length() <= MAX_CAUSE_LENGTH
        ? firstLine
        : firstLine.substring(0, MAX_CAUSE_LENGTH) + "...";
  }

  @Override
  public void close() {
    if (ownsClient && client != null) {
      client.close();
    }
  }
}
