package dev.accessaudit.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Ready-made serdes for our generated Avro classes in Confluent's wire format, and the config keys
 * they read (Confluent's names).
 *
 * <pre>{@code
 * Serde<AccessEvent> serde =
 *     AvroSerdes.valueSerde(AccessEvent.class, Map.of("schema.registry.url", "http://localhost:8081"));
 * }</pre>
 */
public final class AvroSerdes {

  /** Where the registry is: {@code http(s)://host:port[,...]} or {@code mock://scope}. */
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /** Register the record's schema when writing (default true); when false, look its id up. */
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

  /** With auto-registration off, write with the subject's latest version (default false). */
  public static final String USE_LATEST_VERSION = "use.latest.version";

  private AvroSerdes() {}

  /**
   * A configured value serde for the type.
   *
   * @throws org.apache.kafka.common.config.ConfigException when {@code schema.registry.url} is
   *     missing or unusable
   */
  public static <T extends SpecificRecord> Serde<T> valueSerde(
      Class<T> type, Map<String, ?> config) {
    SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
    serde.configure(config, false);
    return serde;
  }
}
