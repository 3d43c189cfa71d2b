package dev.accessaudit.streams.rules.custom;

import dev.accessaudit.avro.AccessEvent;
import dev.accessaudit.streams.rules.AccessContext;
import dev.accessaudit.streams.rules.Describe;
import dev.accessaudit.streams.rules.Rule;
import dev.accessaudit.streams.rules.Violation;
import dev.cel.runtime.CelEvaluationException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A custom rule written in the policy file: it fires when its CEL condition holds for the access,
 * the agreement and the consent in force at {@code occurredAt} (see {@link AccessMaps} for how the
 * records look to CEL). A condition that fails at run time (e.g. a division by zero) does not fire;
 * the failure is logged with the rule id and event id, and {@code ./audit policy test} reports it.
 */
public final class CelRule implements Rule {

  private static final Logger LOG = LoggerFactory.getLogger(CelRule.class);

  private final String id;
  private final CelCondition condition;
  private final SummaryTemplate summary;
  private final Map<String, String> params;

  /**
   * @param id the rule id carried on alerts
   * @param condition when the rule fires
   * @param summary the alert summary; null for a generic sentence
   * @param params values the expressions can read as {@code params}
   */
  public CelRule(
      String id, CelCondition condition, SummaryTemplate summary, Map<String, String> params) {
    this.id = Objects.requireNonNull(id, "id");
    this.condition = Objects.requireNonNull(condition, "condition");
    this.summary = summary;
    this.params = Map.copyOf(params);
  }

  @Override
  public String id() {
    return id;
  }

  public CelCondition condition() {
    return condition;
  }

  @Override
  public boolean needsConsent(AccessEvent event) {
    return condition.readsConsent();
  }

  @Override
  public Optional<Violation> check(AccessContext access) {
    try {
      return evaluate(access);
    } catch (CelEvaluationException e) {
      LOG.warn(
          "Custom rule {} could not judge event {}: {}",
          id,
          access.event().getEventId(),
          e.getMessage());
      return Optional.empty();
    }
  }

  /** Like {@link #check} but lets a run-time failure of the condition through, for policy tests. */
  public Optional<Violation> evaluate(AccessContext access) throws CelEvaluationException {
    Map<String, Object> variables = variables(access);
    if (!condition.test(variables)) {
      return Optional.empty();
    }
    String text =
        summary == null
            ? Describe.access(access.event()) + ", breaking custom rule " + id + "."
            : summary.render(variables);
    return Optional.of(new Violation(text, Map.of("condition", condition.source())));
  }

  private Map<String, Object> variables(AccessContext access) {
    return Map.of(
        "event", AccessMaps.event(access.event()),
        "agreement", AccessMaps.agreement(access.agreement()),
        "consent", AccessMaps.consent(access.consent()),
        "params", params);
  }
}
