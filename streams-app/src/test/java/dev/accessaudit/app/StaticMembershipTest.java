package dev.accessaudit.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticMembershipTest {

  private static final String INSTANCE = "main.consumer.group.instance.id";

  @Test
  void shouldKeepOneInstanceIdPerStateDirectoryAcrossRestarts(@TempDir Path a, @TempDir Path b) {
    String first = StaticMembership.instanceId(a);

    assertThat(StaticMembership.instanceId(a)).isEqualTo(first);
    assertThat(StaticMembership.instanceId(b)).isNotEqualTo(first).startsWith("access-audit-");
  }

  @Test
  void shouldSetInstanceIdAndShortSessionUnlessTheUserDid(@TempDir Path dir) {
    Map<String, Object> settings = new HashMap<>();
    StaticMembership.apply(settings, dir);

    assertThat(settings)
        .containsEntry(INSTANCE, StaticMembership.instanceId(dir))
        .containsEntry("main.consumer.session.timeout.ms", 15_000)
        .containsEntry("main.consumer.heartbeat.interval.ms", 3_000);

    Map<String, Object> own = new HashMap<>(Map.of("group.instance.id", "mine"));
    StaticMembership.apply(own, dir);
    assertThat(own).doesNotContainKey(INSTANCE).containsEntry("group.instance.id", "mine");
  }
}
