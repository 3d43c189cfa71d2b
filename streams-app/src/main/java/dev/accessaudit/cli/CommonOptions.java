package dev.accessaudit.cli;

import dev.accessaudit.config.AuditConfig;
import dev.accessaudit.config.AuditConfigLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options every command takes: where the configuration is, and how much to say on failure. */
public final class CommonOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Properties file with bootstrap.servers, schema.registry.url, any Kafka client setting"
              + " (security.protocol, sasl.*, ssl.*) and audit.* settings; AUDIT_* environment"
              + " variables override it. The settings are listed under: audit --help")
  Path configFile;

  @Option(
      names = {"-v", "--verbose"},
      description = "On failure, print the full stack trace as well as the one-line error.")
  boolean verbose;

  /** Loads the layered configuration with these command-line settings on top. */
  AuditConfig load(CliContext context, Map<String, String> overrides) {
    return AuditConfigLoader.load(Optional.ofNullable(configFile), context.env(), overrides);
  }

  AuditConfig load(CliContext context) {
    return load(context, Map.of());
  }
}
