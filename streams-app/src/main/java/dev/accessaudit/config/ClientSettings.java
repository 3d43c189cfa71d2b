package dev.accessaudit.config;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pass-through settings: every key that is not {@code audit.*}, unchanged, after a check of the
 * two every command needs ({@code bootstrap.servers}, {@code schema.registry.url}).
 */
final class ClientSettings {
  private static final Pattern HOST_PORT = Pattern.compile("\\[?[A-Za-z0-9._:-]+]?:(\\d{1,5})");
  private static final Pattern REGISTRY_URL = Pattern.compile("(https?|mock)://\\S+");

  private ClientSettings() {}

  static Map<String, String> of(RawSettings raw) {
    Map<String, String> client = new HashMap<>();
    raw.all().forEach((k, v) -> client.put(k, v.text()));
    client.keySet().removeIf(k -> k.startsWith("audit."));
    raw.text(AuditConfig.BOOTSTRAP_SERVERS)
        .ifPresentOrElse(
            s -> checkBootstrap(raw, s), () -> client.remove(AuditConfig.BOOTSTRAP_SERVERS));
    raw.text(AuditConfig.SCHEMA_REGISTRY_URL)
        .ifPresentOrElse(
            u -> checkRegistryUrl(raw, u), () -> client.remove(AuditConfig.SCHEMA_REGISTRY_URL));
    return client;
  }

  private static void checkBootstrap(RawSettings raw, String servers) {
    for (String server : servers.split(",")) {
      Matcher m = HOST_PORT.matcher(server.trim());
      if (!m.matches() || !SettingsBinder.validPort(Integer.parseInt(m.group(1)), 1)) {
        throw new InvalidConfigException(
            raw.describe(AuditConfig.BOOTSTRAP_SERVERS)
                + " is not a list of host:port; use a value like broker1:9092,broker2:9092");
      }
    }
  }

  private static void checkRegistryUrl(RawSettings raw, String urls) {
    for (String url : urls.split(",")) {
      if (!REGISTRY_URL.matcher(url.trim()).matches()) {
        throw new InvalidConfigException(
            raw.describe(AuditConfig.SCHEMA_REGISTRY_URL)
                + " is not a schema registry URL; use a value like http://localhost:8081");
      }
    }
  }
}
