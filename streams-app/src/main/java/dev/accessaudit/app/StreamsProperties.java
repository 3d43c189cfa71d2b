package dev.accessaudit.app;

import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.streams.topology.StreamsSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka Streams configuration: the pipeline's defaults ({@link StreamsSettings}), then every
 * pass-through client setting of the user (security, SASL, SSL, tuning), then application id and
 * state directory from the {@code audit.*} settings, and static group membership ({@link
 * StaticMembership}) unless the user configured it.
 */
public final class StreamsProperties {
  private StreamsProperties() {}

  public static Properties of(AuditConfig config) {
    Map<String, Object> settings = new HashMap<>(StreamsSettings.defaults(config.topicNames()));
    settings.putAll(config.clientConfig());
    settings.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    settings.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
    config
        .topics()
        .replicationFactor()
        .ifPresent(rf -> settings.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) rf));
    StaticMembership.apply(settings, config.stateDir());
    Properties properties = new Properties();
    properties.putAll(settings);
    return properties;
  }
}
