package dev.accessaudit.streams.rules.custom;

import static dev.accessaudit.streams.rules.fixtures.Accesses.anAccessEvent;
import static dev.accessaudit.streams.rules.fixtures.Accesses.anAgreement;
import static dev.accessaudit.streams.rules.fixtures.Accesses.optOut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.accessaudit.avro.AccessAction;
import dev.accessaudit.avro.EmploymentType;
import dev.accessaudit.streams.rules.AccessContext;
import dev.cel.runtime.CelEvaluationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CelRuleTest {

  private static CelRule rule(String condition) throws CelCompileException {
    return new CelRule("CUSTOM", CelCondition.compile(condition), null, Map.of());
  }

  @Test
  void shouldFireWhenTheConditionHolds() throws Exception {
    CelRule rule = rule("event.action == 'EXPORT' && agreement.employment == 'CONTRACTOR'");
    var access =
        AccessContext.of(
            anAccessEvent().setAction(AccessAction.EXPORT).build(),
            anAgreement().setEmployment(EmploymentType.CONTRACTOR).build());

    assertThat(rule.check(access))
        .hasValueSatisfying(
            v -> {
              assertThat(v.summary()).endsWith("breaking custom rule CUSTOM.");
              assertThat(v.details()).containsKey("condition");
            });
  }

  @Test
  void shouldNotFireWhenTheConditionDoesNotHold() throws Exception {
    CelRule rule = rule("event.action == 'EXPORT'");

    assertThat(rule.check(AccessContext.of(anAccessEvent().build(), null))).isEmpty();
  }

  @Test
  void shouldSeeMissingAgreementAndConsentAsNullFields() throws Exception {
    CelRule rule = rule("agreement.status == null && consent.marketingOptOut == null");

    assertThat(rule.check(AccessContext.of(anAccessEvent().build(), null))).isPresent();
    assertThat(rule.check(AccessContext.of(anAccessEvent().build(), anAgreement().build())))
        .isEmpty();
  }

  @Test
  void shouldReadTimesAsEpochMillisAndFieldsAsLists() throws Exception {
    CelRule rule =
        rule(
            "timestamp(event.occurredAt / 1000).getHours('UTC') < 7"
                + " && 'cardNumber' in event.fields");
    var night =
        anAccessEvent()
            .setOccurredAt(Instant.parse("2010-03-01T03:00:00Z"))
            .setFields(List.of("cardNumber"));

    assertThat(rule.check(AccessContext.of(night.build(), null))).isPresent();
    assertThat(
            rule.check(
                AccessContext.of(
                    night.setOccurredAt(Instant.parse("2010-03-01T12:00:00Z")).build(), null)))
        .isEmpty();
  }

  @Test
  void shouldNeedConsentOnlyWhenTheConditionReadsIt() throws Exception {
    var event = anAccessEvent().build();

    assertThat(rule("consent.marketingOptOut == true").needsConsent(event)).isTrue();
    assertThat(rule("event.purpose == 'MARKETING'").needsConsent(event)).isFalse();
    assertThat(
            rule("consent.marketingOptOut == true")
                .check(new AccessContext(event, null, optOut(true))))
        .isPresent();
  }

  @Test
  void shouldRenderTheSummaryTemplate() throws Exception {
    CelRule rule =
        new CelRule(
            "CUSTOM",
            CelCondition.compile("true"),
            SummaryTemplate.compile("Staff ${event.staffId} (${params.team}) did it."),
            Map.of("team", "billing"));

    assertThat(rule.check(AccessContext.of(anAccessEvent().build(), null)))
        .hasValueSatisfying(
            v -> assertThat(v.summary()).isEqualTo("Staff s-0042 (billing) did it."));
  }

  @Test
  void shouldTreatANonBooleanResultAsAnEvaluationFailure() throws Exception {
    CelRule rule = rule("event.staffId");

    assertThatThrownBy(() -> rule.evaluate(AccessContext.of(anAccessEvent().build(), null)))
        .hasMessageContaining("not a bool");
  }

  @Test
  void shouldNotFireButReportWhenEvaluationFails() throws Exception {
    CelRule rule = rule("params.missing == 'x'");
    var access = AccessContext.of(anAccessEvent().build(), null);

    assertThat(rule.check(access)).isEmpty();
    assertThatThrownBy(() -> rule.evaluate(access)).isInstanceOf(CelEvaluationException.class);
  }

  @Test
  void shouldRejectUnknownFieldsWithTheirOffset() {
    assertThatThrownBy(() -> CelCondition.compile("event.staffid == 'x'"))
        .isInstanceOfSatisfying(
            CelCompileException.class,
            e -> {
              assertThat(e.issues()).hasSize(1);
              assertThat(e.issues().get(0).message()).contains("event has no field 'staffid'");
              assertThat(e.issues().get(0).offset()).isEqualTo(6);
            });
  }

  @Test
  void shouldRejectNonBooleanConditionsAndSyntaxErrors() {
    assertThatThrownBy(() -> CelCondition.compile("'a'"))
        .hasMessageContaining("expected type 'bool'");
    assertThatThrownBy(() -> CelCondition.compile("event.action = 'EXPORT'"))
        .isInstanceOfSatisfying(
            CelCompileException.class, e -> assertThat(e.issues().get(0).offset()).isEqualTo(13));
  }

  @Test
  void shouldReportPlaceholderProblemsAtTheirOffsetInTheTemplate() {
    assertThatThrownBy(() -> SummaryTemplate.compile("Staff ${event.nope} did it"))
        .isInstanceOfSatisfying(
            CelCompileException.class, e -> assertThat(e.issues().get(0).offset()).isEqualTo(14));
    assertThatThrownBy(() -> SummaryTemplate.compile("Staff ${event.staffId"))
        .hasMessageContaining("never closed");
  }
}
