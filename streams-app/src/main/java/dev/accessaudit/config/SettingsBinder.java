package dev.accessaudit.config;

import static dev.accessaudit.config.AuditSetting.*;

import dev.accessaudit.config.AuditConfig.Ports;
import dev.accessaudit.config.AuditConfig.TopicSettings;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns {@link RawSettings} into a validated {@link AuditConfig}, failing on the first problem. */
final class SettingsBinder {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

  private final RawSettings raw;

  SettingsBinder(RawSettings raw) {
    this.raw = raw;
  }

  AuditConfig bind() {
    UnknownSettings.reject(raw);
    Path dataDir =
        path(DATA_DIR)
            .orElseThrow(() -> fail(DATA_DIR, "must not be empty; use a directory like ./data"));
    return new AuditConfig(
        ClientSettings.of(raw),
        name(APPLICATION_ID, "application id"),
        topics(),
        duration(DEDUP_WINDOW, false),
        duration(AGREEMENTS_GRACE, true),
        duration(HISTORY_RETENTION, false),
        duration(CORRECTIONS_HORIZON, false),
        duration(TIME_MAX_SCHEDULE_AHEAD, false),
        policyFile(),
        ports(),
        dataDir,
        path(STATE_DIR).orElse(dataDir.resolve("streams")));
  }

  private TopicSettings topics() {
    List<AuditSetting> names =
        List.of(
            TOPIC_ACCESS_EVENTS,
            TOPIC_AGREEMENTS,
            TOPIC_CONSENTS,
            TOPIC_ALERTS,
            TOPIC_DEAD_LETTER,
            TOPIC_STATE_DEAD_LETTER);
    Map<String, AuditSetting> seen = new HashMap<>();
    for (AuditSetting s : names) {
      AuditSetting other = seen.putIfAbsent(topicName(s), s);
      if (other != null) {
        throw new InvalidConfigException(
            other.key()
                + " and "
                + s.key()
                + " both name topic '"
                + topicName(s)
                + "'; give each topic its own name");
      }
    }
    return new TopicSettings(
        topicName(TOPIC_ACCESS_EVENTS),
        topicName(TOPIC_AGREEMENTS),
        topicName(TOPIC_CONSENTS),
        topicName(TOPIC_ALERTS),
        topicName(TOPIC_DEAD_LETTER),
        topicName(TOPIC_STATE_DEAD_LETTER),
        positiveInt(TOPICS_PARTITIONS, "a partition count", 3),
        optionalInt(TOPICS_REPLICATION_FACTOR).map(rf -> checkReplicationFactor(rf)));
  }

  private short checkReplicationFactor(long rf) {
    if (rf < 1 || rf > Short.MAX_VALUE) {
      throw fail(
          TOPICS_REPLICATION_FACTOR,
          "is not a replication factor; use a whole number like 3, or leave it empty for the broker's default");
    }
    return (short) rf;
  }

  private String topicName(AuditSetting s) {
    String name = name(s, "topic name");
    if (name.length() > 249 || name.equals(".") || name.equals("..")) {
      throw fail(s, "is not a valid topic name; use up to 249 letters, digits, '.', '_' and '-'");
    }
    return name;
  }

  private String name(AuditSetting s, String what) {
    String value = raw.text(s.key()).orElse("");
    if (!NAME.matcher(value).matches()) {
      throw fail(s, "is not a valid " + what + "; use letters, digits, '.', '_' and '-' only");
    }
    return value;
  }

  private Duration duration(AuditSetting s, boolean zeroAllowed) {
    String example = Durations.format(Durations.parse(s.defaultValue()).orElseThrow());
    Duration d =
        raw.text(s.key())
            .flatMap(Durations::parse)
            .orElseThrow(
                () -> fail(s, "is not a duration; use a value like " + example + ", 12h or PT30M"));
    if (d.isNegative() || (d.isZero() && !zeroAllowed)) {
      throw fail(
          s,
          "must be "
              + (zeroAllowed ? "zero or more" : "longer than zero")
              + "; use a value like "
              + example);
    }
    return d;
  }

  private Ports ports() {
    List<AuditSetting> settings = List.of(HTTP_PORT, REGISTRY_PORT, KAFKA_PORT);
    int[] ports = {port(HTTP_PORT, 0), port(REGISTRY_PORT, 1), port(KAFKA_PORT, 1)};
    for (int i = 0; i < ports.length; i++) {
      for (int j = i + 1; j < ports.length; j++) {
        if (ports[i] == ports[j]) {
          throw new InvalidConfigException(
              settings.get(i).key()
                  + " and "
                  + settings.get(j).key()
                  + " are both "
                  + ports[i]
                  + "; give each its own port");
        }
      }
    }
    return new Ports(ports[0], ports[1], ports[2]);
  }

  private int port(AuditSetting s, int lowest) {
    long port = optionalInt(s).orElse(-1L);
    if (!validPort(port, lowest)) {
      throw fail(s, "is not a port; use a number from " + lowest + " to 65535");
    }
    return (int) port;
  }

  static boolean validPort(long port, int lowest) {
    return port >= lowest && port <= 65535;
  }

  private int positiveInt(AuditSetting s, String what, int example) {
    long value = optionalInt(s).orElse(0L);
    if (value < 1 || value > 100_000) {
      throw fail(s, "is not " + what + "; use a whole number of at least 1, like " + example);
    }
    return (int) value;
  }

  private Optional<Long> optionalInt(AuditSetting s) {
    try {
      return raw.text(s.key()).map(Long::parseLong);
    } catch (NumberFormatException e) {
      throw fail(
          s,
          "is not a whole number; use a value like "
              + (s.defaultValue().isEmpty() ? "3" : s.defaultValue()));
    }
  }

  private Optional<Path> policyFile() {
    Optional<Path> file = path(POLICY_FILE);
    if (file.isPresent() && !Files.isReadable(file.get())) {
      throw fail(
          POLICY_FILE,
          "is not a readable file; point it at a policy file or leave it empty for the built-in policy");
    }
    return file;
  }

  private Optional<Path> path(AuditSetting s) {
    try {
      return raw.text(s.key()).map(Path::of);
    } catch (InvalidPathException e) {
      throw fail(s, "is not a valid path; " + e.getReason());
    }
  }

  private InvalidConfigException fail(AuditSetting s, String problem) {
    return new InvalidConfigException(raw.describe(s.key()) + " " + problem);
  }
}
