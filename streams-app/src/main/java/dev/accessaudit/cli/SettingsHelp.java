package dev.accessaudit.cli;

import dev.accessaudit.config.AuditSetting;

/** The configuration part of {@code ./audit --help}: layers, environment rule, every setting. */
final class SettingsHelp {
  private SettingsHelp() {}

  static String text() {
    StringBuilder text = new StringBuilder();
    text.append("%nConfiguration: defaults, then --config FILE (a properties file), then")
        .append(" AUDIT_* environment variables, then command-line options; later ones win.%n")
        .append("A key that is not audit.* is a Kafka or schema registry client setting, passed")
        .append(" unchanged to every client: bootstrap.servers, schema.registry.url,")
        .append(" security.protocol, sasl.*, ssl.*, basic.auth.user.info, ...%n")
        .append("Without bootstrap.servers, start and demo run Kafka and the schema registry")
        .append(" in-process, and the other commands use localhost:9092 and")
        .append(" http://localhost:8081 (audit.kafka.port, audit.registry.port).%n")
        .append("Environment variables: AUDIT_ and the key upper-cased with . and - as _:")
        .append(" AUDIT_BOOTSTRAP_SERVERS, AUDIT_SECURITY_PROTOCOL; for audit.* keys the")
        .append(" second AUDIT_ may be left out: AUDIT_DEDUP_WINDOW sets audit.dedup.window.%n")
        .append("Durations: 500ms, 10s, 30m, 12h, 7d, 1h30m, or ISO-8601 such as PT30M.%n%n")
        .append("Settings (default in brackets):%n");
    for (AuditSetting s : AuditSetting.values()) {
      String value = s.defaultValue().isEmpty() ? "unset" : s.defaultValue();
      text.append(String.format("  %s [%s]%n      %s%n", s.key(), value, s.description()));
    }
    return text.toString();
  }
}
