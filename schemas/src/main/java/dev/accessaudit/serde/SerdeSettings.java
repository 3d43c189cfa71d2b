package dev.accessaudit.serde;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** The serde settings read from a Kafka client config, under Confluent's names. */
record SerdeSettings(String registryUrl, boolean autoRegister, boolean useLatestVersion) {

  static final SerdeSettings DEFAULTS = new SerdeSettings(null, true, false);

  static SerdeSettings from(Map<String, ?> config) {
    Object url = config.get(AvroSerdes.SCHEMA_REGISTRY_URL);
    return new SerdeSettings(
        url == null ? null : String.valueOf(url),
        flag(config, AvroSerdes.AUTO_REGISTER_SCHEMAS, true),
        flag(config, AvroSerdes.USE_LATEST_VERSION, false));
  }

  private static boolean flag(Map<String, ?> config, String key, boolean defaultValue) {
    Object value = config.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = String.valueOf(value).trim();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw new ConfigException(key + " must be true or false, not '" + value + "'.");
  }
}
