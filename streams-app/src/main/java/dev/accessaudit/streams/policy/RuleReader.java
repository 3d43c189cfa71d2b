package dev.accessaudit.streams.policy;

import dev.accessaudit.avro.Severity;
import dev.accessaudit.streams.rules.Rule;
import dev.accessaudit.streams.rules.custom.CelCompileException;
import dev.accessaudit.streams.rules.custom.CelCondition;
import dev.accessaudit.streams.rules.custom.CelIssueAt;
import dev.accessaudit.streams.rules.custom.CelRule;
import dev.accessaudit.streams.rules.custom.SummaryTemplate;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads one rule entry of a policy version: a built-in rule, or a custom one with a condition. */
final class RuleReader {

  static final List<String> KEYS =
      List.of("id", "severity", "clause", "parameters", "suppress", "condition", "summary");
  private static final Pattern CUSTOM_ID = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final List<String> SEVERITIES =
      Arrays.stream(Severity.values()).filter(s -> s != Severity.UNKNOWN).map(Enum::name).toList();

  private final String fileText;
  private final Problems problems;

  RuleReader(String fileText, Problems problems) {
    this.fileText = fileText;
    this.problems = problems;
  }

  /** The rule, or empty when the entry has problems (all of them reported). */
  Optional<PolicyRule> read(YamlMap entry) {
    entry.allowOnly(KEYS, "a rule");
    int before = problems.count();
    Optional<String> id = entry.requiredText("id", "a rule");
    Optional<Severity> severity = severity(entry);
    Optional<String> clause = entry.requiredText("clause", "a rule");
    Duration suppress = suppress(entry);
    Optional<Rule> rule = Optional.empty();
    Map<String, String> parameters = Map.of();
    if (id.isPresent() && entry.get("condition").isPresent()) {
      parameters = customParameters(entry);
      rule = custom(id.get(), entry, parameters);
    } else if (id.isPresent()) {
      RuleParameters given = new RuleParameters(parameters(entry), problems, id.get());
      rule = builtIn(id.get(), entry, given);
      parameters = given.effective();
    }
    if (problems.count() > before || rule.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new PolicyRule(rule.get(), severity.get(), clause.get().trim(), parameters, suppress));
  }

  private Optional<Rule> builtIn(String id, YamlMap entry, RuleParameters parameters) {
    entry.get("summary").ifPresent(n -> problems.at(n, "only custom rules take a 'summary'"));
    Optional<Rule> rule = BuiltInRules.create(id, parameters);
    if (rule.isEmpty()) {
      problems.at(
          entry.get("id").orElseThrow(),
          "unknown rule id '"
              + id
              + "' (known: "
              + String.join(", ", BuiltInRules.ids())
              + "; a custom rule needs a 'condition')");
      return rule;
    }
    parameters.reportUnknown();
    return rule;
  }

  private Optional<Rule> custom(String id, YamlMap entry, Map<String, String> parameters) {
    Node idNode = entry.get("id").orElseThrow();
    if (BuiltInRules.isBuiltIn(id)) {
      problems.at(
          idNode,
          "custom rule id '"
              + id
              + "' clashes with the built-in rule of that"
              + " name; pick another id");
    } else if (!CUSTOM_ID.matcher(id).matches()) {
      problems.at(
          idNode,
          "custom rule id '"
              + id
              + "' must be upper case letters, digits and _,"
              + " starting with a letter (e.g. AFTER_HOURS_EXPORT)");
    }
    Optional<CelCondition> condition = compile(entry, "condition", CelCondition::compile);
    Optional<SummaryTemplate> summary = compile(entry, "summary", SummaryTemplate::compile);
    return condition.map(c -> new CelRule(id, c, summary.orElse(null), parameters));
  }

  private <T> Optional<T> compile(YamlMap entry, String key, Compiler<T> compiler) {
    Optional<Node> node = entry.get(key);
    Optional<String> text = entry.text(key);
    if (node.isEmpty() || text.isEmpty()) {
      node.filter(ScalarNode.class::isInstance)
          .ifPresent(n -> problems.at(n, "'" + key + "' is empty"));
      return Optional.empty();
    }
    try {
      return Optional.of(compiler.compile(text.get()));
    } catch (CelCompileException e) {
      for (CelIssueAt issue : e.issues()) {
        int[] at = ScalarPositions.locate(fileText, (ScalarNode) node.get(), issue.offset());
        problems.at(at[0], at[1], key + " does not compile: " + issue.message());
      }
      return Optional.empty();
    }
  }

  private Optional<Severity> severity(YamlMap entry) {
    Optional<String> text = entry.requiredText("severity", "a rule");
    if (text.isPresent() && !SEVERITIES.contains(text.get().trim())) {
      problems.at(
          entry.get("severity").orElseThrow(),
          "unknown severity '" + text.get() + "' (known: " + String.join(", ", SEVERITIES) + ")");
      return Optional.empty();
    }
    return text.map(t -> Severity.valueOf(t.trim()));
  }

  private Duration suppress(YamlMap entry) {
    Optional<String> text = entry.text("suppress");
    if (text.isEmpty()) {
      return Duration.ZERO;
    }
    Optional<Duration> duration = PolicyValues.duration(text.get());
    if (duration.isEmpty()) {
      problems.at(
          entry.get("suppress").orElseThrow(),
          "suppress '" + text.get() + "' is not a duration such as 1h, 30m, 1d or PT1H");
      return Duration.ZERO;
    }
    return duration.get();
  }

  private YamlMap parameters(YamlMap entry) {
    return entry.get("parameters").flatMap(n -> YamlMap.of(n, "parameters", problems)).orElse(null);
  }

  private Map<String, String> customParameters(YamlMap entry) {
    Map<String, String> values = new LinkedHashMap<>();
    YamlMap given = parameters(entry);
    if (given != null) {
      for (String key : given.keys()) {
        given.text(key).ifPresent(value -> values.put(key, value));
      }
    }
    return values;
  }

  @FunctionalInterface
  private interface Compiler<T> {
    T compile(String text) throws CelCompileException;
  }
}
