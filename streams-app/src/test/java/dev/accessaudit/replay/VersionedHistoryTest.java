package dev.accessaudit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionedHistoryTest {

  private final VersionedHistory<String> history = new VersionedHistory<>();

  @Test
  void shouldAnswerTheVersionInForceAtEachTime() {
    history.put("s-1", 100, "SIGNED");
    history.put("s-1", 200, "REVOKED");

    assertThat(history.asOf("s-1", 99)).isNull();
    assertThat(history.asOf("s-1", 100)).isEqualTo("SIGNED");
    assertThat(history.asOf("s-1", 150)).isEqualTo("SIGNED");
    assertThat(history.asOf("s-1", 250)).isEqualTo("REVOKED");
  }

  @Test
  void shouldAnswerNoneFromATombstoneOn() {
    history.put("s-1", 100, "SIGNED");
    history.put("s-1", 200, null);

    assertThat(history.asOf("s-1", 199)).isEqualTo("SIGNED");
    assertThat(history.asOf("s-1", 200)).isNull();
  }

  @Test
  void shouldKeepTheLaterRecordWhenTwoTakeEffectAtTheSameTime() {
    history.put("s-1", 100, "PENDING");
    history.put("s-1", 100, "ACTIVE");

    assertThat(history.asOf("s-1", 100)).isEqualTo("ACTIVE");
  }

  @Test
  void shouldApplyUpdatesReadOutOfOrderAtTheirOwnTime() {
    history.put("s-1", 200, "REVOKED");
    history.put("s-1", 100, "SIGNED");

    assertThat(history.asOf("s-1", 150)).isEqualTo("SIGNED");
    assertThat(history.records()).isEqualTo(2);
  }
}
