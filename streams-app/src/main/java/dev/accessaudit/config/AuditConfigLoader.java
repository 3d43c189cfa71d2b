package dev.accessaudit.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Builds an {@link AuditConfig} from layers, later ones winning: the defaults of {@link
 * AuditSetting}, then a properties file, then environment variables ({@code AUDIT_*}, see {@link
 * AuditSetting} for the naming rule), then command-line overrides.
 */
public final class AuditConfigLoader {
  private AuditConfigLoader() {}

  /**
   * Loads and validates the configuration.
   *
   * @param file the properties file given with {@code --config}, if any
   * @param env the environment, usually {@code System.getenv()}
   * @param overrides settings given as command-line options, e.g. {@code --data-dir}
   * @throws InvalidConfigException with one sentence that says what to fix
   */
  public static AuditConfig load(
      Optional<Path> file, Map<String, String> env, Map<String, String> overrides) {
    RawSettings raw = new RawSettings();
    for (AuditSetting s : AuditSetting.values()) {
      raw.put(s.key(), s.defaultValue(), RawSettings.DEFAULT_ORIGIN);
    }
    file.ifPresent(f -> readFile(f).forEach((k, v) -> raw.put(k, v, "config file " + f)));
    new TreeMap<>(env)
        .forEach(
            (name, value) ->
                keyForEnv(name)
                    .ifPresent(key -> raw.put(key, value, "environment variable " + name)));
    overrides.forEach((k, v) -> raw.put(k, v, "the command line"));
    return new SettingsBinder(raw).bind();
  }

  /** The setting an {@code AUDIT_*} environment variable sets; empty for other variables. */
  static Optional<String> keyForEnv(String name) {
    if (!name.startsWith(AuditSetting.ENV_PREFIX)
        || name.length() == AuditSetting.ENV_PREFIX.length()) {
      return Optional.empty();
    }
    Optional<AuditSetting> own = AuditSetting.forEnvName(name);
    if (own.isPresent()) {
      return Optional.of(own.get().key());
    }
    String rest = name.substring(AuditSetting.ENV_PREFIX.length());
    return Optional.of(rest.toLowerCase(Locale.ROOT).replace('_', '.'));
  }

  private static Map<String, String> readFile(Path file) {
    Properties props = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      props.load(in);
    } catch (NoSuchFileException e) {
      throw new InvalidConfigException(
          "config file " + file + " does not exist; check the path given with --config");
    } catch (CharacterCodingException | IllegalArgumentException e) {
      throw new InvalidConfigException(
          "config file " + file + " is not a readable UTF-8 properties file; check its encoding",
          e);
    } catch (IOException e) {
      throw new InvalidConfigException(
          "cannot read config file " + file + ": " + e.getMessage(), e);
    }
    Map<String, String> values = new TreeMap<>();
    props.stringPropertyNames().forEach(k -> values.put(k, props.getProperty(k)));
    return values;
  }
}
