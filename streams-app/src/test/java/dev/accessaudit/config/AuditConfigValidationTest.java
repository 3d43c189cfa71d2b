package dev.accessaudit.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditConfigValidationTest {
  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "audit.dedup.window|7 days|audit.dedup.window='7 days' (from the command line) is not a"
            + " duration; use a value like 7d, 12h or PT30M",
        "audit.dedup.window|0s|audit.dedup.window='0s' (from the command line) must be longer than"
            + " zero; use a value like 7d",
        "audit.agreements.grace|PT-1S|audit.agreements.grace='PT-1S' (from the command line) must"
            + " be zero or more; use a value like 10s",
        "audit.history.retention|forever|audit.history.retention='forever' (from the command line)"
            + " is not a duration; use a value like 36500d, 12h or PT30M",
        "audit.topics.partitions|0|audit.topics.partitions='0' (from the command line) is not a"
            + " partition count; use a whole number of at least 1, like 3",
        "audit.topics.partitions|three|audit.topics.partitions='three' (from the command line) is"
            + " not a whole number; use a value like 3",
        "audit.topics.replication.factor|0|audit.topics.replication.factor='0' (from the command"
            + " line) is not a replication factor; use a whole number like 3, or leave it empty for"
            + " the broker's default",
        "audit.http.port|70000|audit.http.port='70000' (from the command line) is not a port; use a"
            + " number from 0 to 65535",
        "audit.kafka.port|0|audit.kafka.port='0' (from the command line) is not a port; use a"
            + " number from 1 to 65535",
        "audit.registry.port|x|audit.registry.port='x' (from the command line) is not a whole"
            + " number; use a value like 8081",
        "audit.registry.port|9092|audit.registry.port and audit.kafka.port are both 9092; give each"
            + " its own port",
        "audit.application.id|my app|audit.application.id='my app' (from the command line) is not"
            + " a valid application id; use letters, digits, '.', '_' and '-' only",
        "audit.topic.alerts|alerts!|audit.topic.alerts='alerts!' (from the command line) is not a"
            + " valid topic name; use letters, digits, '.', '_' and '-' only",
        "audit.topic.alerts|..|audit.topic.alerts='..' (from the command line) is not a valid"
            + " topic name; use up to 249 letters, digits, '.', '_' and '-'",
        "audit.topic.alerts|visitor-data-access|audit.topic.access-events and audit.topic.alerts"
            + " both name topic 'visitor-data-access'; give each topic its own name",
        "audit.policy.file|/no/such/policy.yaml|audit.policy.file='/no/such/policy.yaml' (from the"
            + " command line) is not a readable file; point it at a policy file or leave it empty"
            + " for the built-in policy",
        "audit.data.dir|' '|audit.data.dir=' ' (from the command line) must not be empty; use a"
            + " directory like ./data",
        "bootstrap.servers|localhost|bootstrap.servers='localhost' (from the command line) is not a"
            + " list of host:port; use a value like broker1:9092,broker2:9092",
        "bootstrap.servers|a:9092,b:99999|bootstrap.servers='a:9092,b:99999' (from the command"
            + " line) is not a list of host:port; use a value like broker1:9092,broker2:9092",
        "schema.registry.url|localhost:8081|schema.registry.url='localhost:8081' (from the command"
            + " line) is not a schema registry URL; use a value like http://localhost:8081",
        "audit.dedup.windw|1d|unknown setting audit.dedup.windw (from the command line); did you"
            + " mean audit.dedup.window?",
        "audit.colour|blue|unknown setting audit.colour (from the command line); run ./audit --help"
            + " to see the audit.* settings",
      })
  void shouldRejectABadValueWithOneSentenceThatSaysWhatToFix(
      String key, String value, String message) {
    assertThatThrownBy(() -> AuditConfigLoader.load(Optional.empty(), Map.of(), Map.of(key, value)))
        .isInstanceOf(InvalidConfigException.class)
        .hasMessage(message);
  }

  @Test
  void shouldNameTheEnvironmentVariableThatHoldsABadValue() {
    assertThatThrownBy(
            () ->
                AuditConfigLoader.load(
                    Optional.empty(), Map.of("AUDIT_DEDUP_WINDOW", "7 days"), Map.of()))
        .hasMessage(
            "audit.dedup.window='7 days' (from environment variable AUDIT_DEDUP_WINDOW) is not a"
                + " duration; use a value like 7d, 12h or PT30M");
  }

  @Test
  void shouldNameAnUnknownSettingFromTheEnvironment() {
    assertThatThrownBy(
            () ->
                AuditConfigLoader.load(
                    Optional.empty(), Map.of("AUDIT_AUDIT_HTTP_PROT", "1"), Map.of()))
        .hasMessage(
            "unknown setting audit.http.prot (from environment variable AUDIT_AUDIT_HTTP_PROT);"
                + " did you mean audit.http.port?");
  }
}
