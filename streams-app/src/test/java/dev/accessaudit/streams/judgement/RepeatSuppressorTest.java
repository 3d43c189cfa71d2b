package dev.accessaudit.streams.judgement;

import static dev.accessaudit.streams.AuditFixtures.T0;
import static dev.accessaudit.streams.AuditFixtures.anAccessEvent;
import static org.assertj.core.api.Assertions.assertThat;

import dev.accessaudit.avro.ComplianceAlert;
import dev.accessaudit.avro.Severity;
import dev.accessaudit.streams.policy.Policy;
import dev.accessaudit.streams.policy.PolicyRule;
import dev.accessaudit.streams.policy.PolicyVersion;
import dev.accessaudit.streams.rules.AccessContext;
import dev.accessaudit.streams.rules.agreement.AgreementMissingRule;
import dev.accessaudit.streams.rules.agreement.AgreementPendingRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepeatSuppressorTest {

  private static final Duration HOUR = Duration.ofHours(1);

  private final Policy policy =
      new Policy(
          List.of(
              new PolicyVersion(
                  "test",
                  Instant.EPOCH,
                  "",
                  List.of(
                      new PolicyRule(
                          new AgreementMissingRule(), Severity.CRITICAL, "c", Map.of(), HOUR),
                      PolicyRule.of(new AgreementPendingRule(), Severity.HIGH, "c")))));
  private final AccessJudge judge = new AccessJudge(policy);
  private final RepeatSuppressor suppressor = new RepeatSuppressor(policy);
  private final MapState state = new MapState();

  private ComplianceAlert missing(String eventId, Instant at, String visitor) {
    var event = anAccessEvent().setEventId(eventId).setOccurredAt(at).setVisitorId(visitor).build();
    return judge.judge(AccessContext.of(event, null), T0).get(0);
  }

  /** Offers the alert as judged when stream time has just reached its occurredAt. */
  private List<ComplianceAlert> offer(ComplianceAlert alert) {
    return offer(alert, alert.getOccurredAt());
  }

  private List<ComplianceAlert> offer(ComplianceAlert alert, Instant streamTime) {
    return suppressor.offer(alert, state, streamTime.toEpochMilli());
  }

  @Test
  void shouldPublishFirstAlertAtOnce() {
    assertThat(offer(missing("e1", T0, "v1"))).hasSize(1);
  }

  @Test
  void shouldFoldRepeatsAndPublishTheirCountWhenWindowCloses() {
    offer(missing("e1", T0, "v1"));
    assertThat(offer(missing("e2", T0.plusSeconds(60), "v1"))).isEmpty();
    assertThat(offer(missing("e3", T0.plusSeconds(120), "v1"))).isEmpty();

    assertThat(suppressor.close(T0.plus(HOUR).toEpochMilli() - 1, state)).isEmpty();
    List<ComplianceAlert> updates = suppressor.close(T0.plus(HOUR).toEpochMilli(), state);

    assertThat(updates).hasSize(1);
    assertThat(updates.get(0).getEventId()).isEqualTo("e1");
    assertThat(updates.get(0).getDetails())
        .containsEntry(RepeatSuppressor.SUPPRESSED_REPEATS, "2")
        .containsEntry(RepeatSuppressor.LAST_SUPPRESSED_EVENT, "e3");
    assertThat(suppressor.close(T0.plus(HOUR).toEpochMilli() + 1, state)).isEmpty();
  }

  @Test
  void shouldPublishNoUpdateWhenNothingWasSuppressed() {
    offer(missing("e1", T0, "v1"));

    assertThat(suppressor.close(T0.plus(HOUR).toEpochMilli(), state)).isEmpty();
  }

  @Test
  void shouldKeepVisitorsApart() {
    offer(missing("e1", T0, "v1"));

    assertThat(offer(missing("e2", T0.plusSeconds(1), "v2"))).hasSize(1);
  }

  @Test
  void shouldStartNewWindowAfterTheOldOneEnds() {
    offer(missing("e1", T0, "v1"));

    assertThat(offer(missing("e2", T0.plus(HOUR), "v1"))).hasSize(1);
  }

  @Test
  void shouldPublishCountOfExpiredWindowBeforeItsCheckRan() {
    offer(missing("e1", T0, "v1"));
    offer(missing("e2", T0.plusSeconds(60), "v1"));

    List<ComplianceAlert> published = offer(missing("e3", T0.plus(HOUR), "v1"));

    assertThat(published).extracting(ComplianceAlert::getEventId).containsExactly("e1", "e3");
    assertThat(published.get(0).getDetails())
        .containsEntry(RepeatSuppressor.SUPPRESSED_REPEATS, "1");
    assertThat(published.get(1).getDetails())
        .containsEntry(RepeatSuppressor.SUPPRESSED_UNTIL, T0.plus(HOUR).plus(HOUR).toString());
  }

  @Test
  void shouldPassRulesWithoutSuppressionStraightThrough() {
    var event = anAccessEvent().build();
    var pending =
        AccessJudge.alert(
            AccessContext.of(event, null),
            policy.versions().get(0),
            policy.versions().get(0).rules().get(1),
            dev.accessaudit.streams.rules.Violation.of("x"),
            T0);

    assertThat(suppressor.offer(pending, state, T0.toEpochMilli())).containsExactly(pending);
    assertThat(suppressor.offer(pending, state, T0.toEpochMilli())).containsExactly(pending);
  }

  @Test
  void shouldFoldARepeatJudgedAfterTheCountWasPublishedAndPublishTheCountAgain() {
    offer(missing("e1", T0, "v1"));
    offer(missing("e2", T0.plusSeconds(60), "v1"));
    assertThat(suppressor.close(T0.plus(HOUR).toEpochMilli(), state)).hasSize(1);

    List<ComplianceAlert> published =
        offer(missing("e3", T0.plusSeconds(120), "v1"), T0.plus(HOUR).plusSeconds(30));

    assertThat(published).extracting(ComplianceAlert::getEventId).containsExactly("e1");
    assertThat(published.get(0).getDetails())
        .containsEntry(RepeatSuppressor.SUPPRESSED_REPEATS, "2")
        .containsEntry(RepeatSuppressor.LAST_SUPPRESSED_EVENT, "e3")
        .doesNotContainKey("suppressionCountPublished"); // the store's own mark
  }

  @Test
  void shouldFoldARepeatJudgedAfterTheWindowEndedTheSameWhetherOrNotTheCheckRan() {
    offer(missing("e1", T0, "v1"));
    Instant late = T0.plus(HOUR).plusSeconds(30);

    assertThat(offer(missing("e2", T0.plusSeconds(60), "v1"), late)).isEmpty();

    List<ComplianceAlert> updates = suppressor.close(late.toEpochMilli(), state);
    assertThat(updates).extracting(ComplianceAlert::getEventId).containsExactly("e1");
    assertThat(updates.get(0).getDetails()).containsEntry(RepeatSuppressor.SUPPRESSED_REPEATS, "1");
  }

  @Test
  void shouldStartANewWindowForARepeatJudgedADayAfterItsWindowEnded() {
    offer(missing("e1", T0, "v1"));
    suppressor.close(T0.plus(HOUR).toEpochMilli(), state);
    Instant dayAfter = T0.plus(HOUR).plus(RepeatSuppressor.KEPT_AFTER_END);

    List<ComplianceAlert> published = offer(missing("e2", T0.plusSeconds(60), "v1"), dayAfter);

    assertThat(published).extracting(ComplianceAlert::getEventId).containsExactly("e2");
  }

  @Test
  void shouldPublishTheCountOfAWindowForgottenBeforeItsCheckRan() {
    offer(missing("e1", T0, "v1"));
    offer(missing("e2", T0.plusSeconds(60), "v1"));
    Instant dayAfter = T0.plus(HOUR).plus(RepeatSuppressor.KEPT_AFTER_END);

    List<ComplianceAlert> published = offer(missing("e3", T0.plusSeconds(120), "v1"), dayAfter);

    assertThat(published).extracting(ComplianceAlert::getEventId).containsExactly("e1", "e3");
    assertThat(published.get(0).getDetails())
        .containsEntry(RepeatSuppressor.SUPPRESSED_REPEATS, "1");
  }

  @Test
  void shouldForgetAStandingAlertADayAfterItsWindowEnded() {
    offer(missing("e1", T0, "v1"));
    suppressor.close(T0.plus(HOUR).toEpochMilli(), state);
    assertThat(state.all()).hasSize(1);

    suppressor.close(T0.plus(HOUR).plus(RepeatSuppressor.KEPT_AFTER_END).toEpochMilli(), state);

    assertThat(state.all()).isEmpty();
  }
}
