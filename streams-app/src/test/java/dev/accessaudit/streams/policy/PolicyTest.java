package dev.accessaudit.streams.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyTest {

  private static PolicyVersion version(String name, String from) {
    return new PolicyVersion(name, Instant.parse(from), "", List.of());
  }

  private final Policy policy =
      new Policy(
          List.of(
              version("2009", "2009-01-01T00:00:00Z"), version("2005", "2005-12-19T00:00:00Z")));

  @Test
  void shouldPickVersionInForceAtTheInstant() {
    assertThat(policy.versionAt(Instant.parse("2008-12-31T23:59:59.999Z")).name())
        .isEqualTo("2005");
    assertThat(policy.versionAt(Instant.parse("2009-01-01T00:00:00Z")).name()).isEqualTo("2009");
  }

  @Test
  void shouldJudgeAccessBeforeFirstVersionByFirstVersion() {
    assertThat(policy.versionAt(Instant.parse("2001-01-01T00:00:00Z")).name()).isEqualTo("2005");
  }

  @Test
  void shouldRejectEmptyPolicy() {
    assertThatThrownBy(() -> new Policy(List.of())).hasMessageContaining("at least one version");
  }
}
