package dev.accessaudit.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every {@code audit.*} setting of the application, with its default and what it means: the one
 * place where they are documented (the command line's {@code --help} prints this table).
 *
 * <p>Any key that does not start with {@code audit.} is a Kafka client setting ({@code
 * bootstrap.servers}, {@code security.protocol}, {@code sasl.*}, {@code ssl.*}, ...) or a schema
 * registry client setting ({@code schema.registry.url}, {@code basic.auth.*}) and is passed through
 * unchanged to every client the application creates.
 *
 * <p>Environment variables override the properties file. The rule: {@code AUDIT_} followed by the
 * key upper-cased with {@code .} and {@code -} written as {@code _}; for our own keys the repeated
 * prefix may be left out. So {@code AUDIT_BOOTSTRAP_SERVERS} sets {@code bootstrap.servers}, and
 * both {@code AUDIT_DEDUP_WINDOW} and {@code AUDIT_AUDIT_DEDUP_WINDOW} set {@code
 * audit.dedup.window}.
 */
public enum AuditSetting {
  APPLICATION_ID(
      "audit.application.id",
      "access-audit",
      "Kafka Streams application.id (consumer group, internal topic prefix)."),
  TOPIC_ACCESS_EVENTS(
      "audit.topic.access-events", "visitor-data-access", "Topic of access events (input)."),
  TOPIC_AGREEMENTS(
      "audit.topic.agreements", "staff-agreements", "Topic of staff agreements (input)."),
  TOPIC_CONSENTS("audit.topic.consents", "visitor-consents", "Topic of visitor consents (input)."),
  TOPIC_ALERTS("audit.topic.alerts", "compliance-alerts", "Topic of compliance alerts (output)."),
  TOPIC_DEAD_LETTER(
      "audit.topic.dead-letter",
      "visitor-data-access-dlq",
      "Topic of records that could not be judged, with the reason in headers."),
  TOPIC_STATE_DEAD_LETTER(
      "audit.topic.state-dead-letter",
      "audit-state-dlq",
      "Topic of agreement and consent records that could not be applied, with the reason in"
          + " headers."),
  TOPICS_PARTITIONS(
      "audit.topics.partitions", "3", "Partitions of each topic the application creates."),
  TOPICS_REPLICATION_FACTOR(
      "audit.topics.replication.factor",
      "",
      "Replication factor of created topics; unset = the broker's default."),
  DEDUP_WINDOW(
      "audit.dedup.window",
      "7d",
      "How long an eventId is remembered, so a retry raises no new alert."),
  AGREEMENTS_GRACE(
      "audit.agreements.grace",
      "10s",
      "How long accesses wait for late agreement and consent records before they are judged"
          + " (stream time, at most as long on the wall clock); every alert waits as long."),
  HISTORY_RETENTION(
      "audit.history.retention",
      "36500d",
      "How long before its publish time an agreement or consent may take effect; older ones go"
          + " to the state dead-letter topic."),
  CORRECTIONS_HORIZON(
      "audit.corrections.horizon",
      "24h",
      "How long (event time) judged accesses are kept, so a late agreement or consent record"
          + " retracts or raises their alerts."),
  TIME_MAX_SCHEDULE_AHEAD(
      "audit.time.max-schedule-ahead",
      "366d",
      "How long after its publish time an agreement or consent may take effect; later ones go to"
          + " the state dead-letter topic."),
  POLICY_FILE("audit.policy.file", "", "Policy file to judge with; empty = the built-in policy."),
  HTTP_PORT(
      "audit.http.port", "8080", "Port of the HTTP API (GET /health, GET /metrics); 0 = any."),
  REGISTRY_PORT(
      "audit.registry.port", "8081", "Port of the embedded schema registry (embedded mode)."),
  KAFKA_PORT("audit.kafka.port", "9092", "Port of the embedded Kafka broker (embedded mode)."),
  DATA_DIR("audit.data.dir", "./data", "Where embedded mode keeps broker data and state."),
  STATE_DIR(
      "audit.state.dir", "", "Kafka Streams state directory; empty = <audit.data.dir>/streams.");

  /** Prefix of every environment variable the configuration reads. */
  public static final String ENV_PREFIX = "AUDIT_";

  private final String key;
  private final String defaultValue;
  private final String description;

  AuditSetting(String key, String defaultValue, String description) {
    this.key = key;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  public String key() {
    return key;
  }

  /** The default value; empty when the setting is optional. */
  public String defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /** The short environment variable name, e.g. {@code AUDIT_DEDUP_WINDOW}. */
  public String envName() {
    return envNameOf(key.substring("audit.".length()));
  }

  /**
   * The environment variable that sets any key: {@code AUDIT_} + key, upper-cased, . and - as _.
   */
  public static String envNameOf(String key) {
    return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public static Optional<AuditSetting> forKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }

  /** The setting an environment variable names, in its short or its full form. */
  public static Optional<AuditSetting> forEnvName(String name) {
    return Arrays.stream(values())
        .filter(s -> s.envName().equals(name) || envNameOf(s.key).equals(name))
        .findFirst();
  }
}
