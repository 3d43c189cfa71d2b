package dev.accessaudit.app;

import dev.accessaudit.config.AuditConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Client settings for the command-line tools: the user's pass-through settings, with time-outs
 * short enough that a missing broker is reported in seconds rather than after a minute. A setting
 * the user gave always wins.
 */
public final class Clients {
  /** How long a command waits for Kafka before it reports that Kafka does not answer. */
  public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(15);

  private Clients() {}

  /** The pass-through settings plus command time-outs, for admin, producer and consumer alike. */
  public static Map<String, Object> commandConfig(AuditConfig config) {
    Map<String, Object> settings = new HashMap<>();
    String timeout = Long.toString(COMMAND_TIMEOUT.toMillis());
    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
    settings.putAll(config.clientConfig());
    return settings;
  }

  /** An admin client with {@link #commandConfig} settings. */
  public static Admin admin(AuditConfig config) {
    return Admin.create(commandConfig(config));
  }

  /** Consumer settings: command settings without the producer-only ones. */
  public static Map<String, Object> consumerConfig(AuditConfig config) {
    Map<String, Object> settings = commandConfig(config);
    settings.remove(ProducerConfig.MAX_BLOCK_MS_CONFIG);
    settings.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "audit-cli");
    return settings;
  }
}
