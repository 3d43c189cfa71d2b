package dev.accessaudit.config;

import dev.accessaudit.streams.topology.PipelineOptions;
import dev.accessaudit.streams.topology.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The application's configuration, bound once from the layers (defaults, properties file,
 * environment, command line) by {@link AuditConfigLoader} and validated: an instance is always
 * usable. The {@code audit.*} settings are documented in {@link AuditSetting}.
 *
 * @param clientProperties every setting that is not an {@code audit.*} key, unchanged: Kafka client
 *     settings such as {@code bootstrap.servers}, {@code security.protocol}, {@code sasl.*}, and
 *     schema registry client settings such as {@code schema.registry.url}
 * @param applicationId the Kafka Streams application id
 * @param topics topic names and how to create them
 * @param dedupWindow how long an event id is remembered
 * @param agreementsGrace how long accesses wait for late agreement updates
 * @param historyRetention how long before its publish time a state record may take effect
 * @param correctionHorizon how long judged accesses are kept for corrections
 * @param maxScheduleAhead how long after its publish time a state record may take effect
 * @param policyFile the policy to judge with, empty for the built-in one
 * @param ports ports of the HTTP API and of the embedded registry and broker
 * @param dataDir where embedded mode keeps its data
 * @param stateDir the Kafka Streams state directory
 */
public record AuditConfig(
    Map<String, String> clientProperties,
    String applicationId,
    TopicSettings topics,
    Duration dedupWindow,
    Duration agreementsGrace,
    Duration historyRetention,
    Duration correctionHorizon,
    Duration maxScheduleAhead,
    Optional<Path> policyFile,
    Ports ports,
    Path dataDir,
    Path stateDir) {

  public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

  /**
   * Names and creation settings of the five topics.
   *
   * @param replicationFactor empty = the broker's default
   */
  public record TopicSettings(
      String accessEvents,
      String agreements,
      String consents,
      String alerts,
      String deadLetter,
      String stateDeadLetter,
      int partitions,
      Optional<Short> replicationFactor) {}

  /** Ports in embedded mode; {@code http} may be 0 for any free port. */
  public record Ports(int http, int registry, int kafka) {}

  public AuditConfig {
    clientProperties = Map.copyOf(clientProperties);
  }

  /** The defaults, with nothing read from files or the environment. */
  public static AuditConfig defaults() {
    return AuditConfigLoader.load(Optional.empty(), Map.of(), Map.of());
  }

  /** True when no {@code bootstrap.servers} is configured: broker and registry run in-process. */
  public boolean embedded() {
    return !clientProperties.containsKey(BOOTSTRAP_SERVERS);
  }

  /** The configured brokers, or the embedded broker's address on {@code audit.kafka.port}. */
  public String bootstrapServers() {
    return clientProperties.getOrDefault(BOOTSTRAP_SERVERS, "localhost:" + ports.kafka());
  }

  /** The configured registry, or the embedded registry's address on {@code audit.registry.port}. */
  public String schemaRegistryUrl() {
    return clientProperties.getOrDefault(
        SCHEMA_REGISTRY_URL, "http://localhost:" + ports.registry());
  }

  /**
   * What every client the application creates starts from: the pass-through settings with the
   * effective {@code bootstrap.servers} and {@code schema.registry.url} filled in.
   */
  public Map<String, Object> clientConfig() {
    Map<String, Object> config = new HashMap<>(clientProperties);
    config.put(BOOTSTRAP_SERVERS, bootstrapServers());
    config.put(SCHEMA_REGISTRY_URL, schemaRegistryUrl());
    return config;
  }

  /** The configured topic names. */
  public TopicNames topicNames() {
    return new TopicNames(
        topics.accessEvents(),
        topics.agreements(),
        topics.consents(),
        topics.alerts(),
        topics.deadLetter(),
        topics.stateDeadLetter());
  }

  /** The topology's tuning: the live pipeline and a replay must share it. */
  public PipelineOptions pipelineOptions() {
    return new PipelineOptions(
        dedupWindow, agreementsGrace, historyRetention, correctionHorizon, maxScheduleAhead);
  }

  /** A copy with one pass-through client setting set, e.g. the embedded broker's address. */
  public AuditConfig withClientProperty(String key, String value) {
    Map<String, String> copy = new HashMap<>(clientProperties);
    copy.put(key, value);
    return new AuditConfig(
        copy,
        applicationId,
        topics,
        dedupWindow,
        agreementsGrace,
        historyRetention,
        correctionHorizon,
        maxScheduleAhead,
        policyFile,
        ports,
        dataDir,
        stateDir);
  }
}
