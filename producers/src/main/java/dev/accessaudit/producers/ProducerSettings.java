package dev.accessaudit.producers;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The producer configuration every publisher uses: idempotent, {@code acks=all}, UTF-8 keys. */
final class ProducerSettings {

  static final String BOOTSTRAP_SERVERS = ProducerConfig.BOOTSTRAP_SERVERS_CONFIG;
  static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  private static final Set<String> FIXED_SERIALIZERS =
      Set.of(
          ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);

  private ProducerSettings() {}

  /** The user's properties with the audit guarantees on top; fails on missing or weakening ones. */
  static Map<String, Object> producerConfig(Map<String, Object> user) {
    require(user, BOOTSTRAP_SERVERS, "bootstrapServers is required (e.g. localhost:9092)");
    require(
        user,
        SCHEMA_REGISTRY_URL,
        "schemaRegistryUrl is required (e.g. http://localhost:8081, or mock://test in tests)");
    refuse(user, ProducerConfig.ACKS_CONFIG, "all", "-1");
    refuse(user, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    for (String key : FIXED_SERIALIZERS) {
      if (user.containsKey(key)) {
        throw new IllegalArgumentException(
            key + " cannot be set: keys are UTF-8 strings, use valueSerializer(...) for values");
      }
    }
    Map<String, Object> config = new HashMap<>(user);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return config;
  }

  private static void require(Map<String, Object> user, String key, String message) {
    Object value = user.get(key);
    if (value == null || value.toString().isBlank()) {
      throw new IllegalArgumentException(message + " when no producer is supplied");
    }
  }

  private static void refuse(Map<String, Object> user, String key, String... allowed) {
    Object value = user.get(key);
    if (value != null && !Set.of(allowed).contains(value.toString().strip().toLowerCase())) {
      throw new IllegalArgumentException(
          key + "=" + value + " is not allowed: audit records need " + key + "=" + allowed[0]);
    }
  }
}
