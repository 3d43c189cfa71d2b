package dev.accessaudit.streams.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one policy version: name, effectiveFrom, description, source and its rules. */
final class VersionReader {

  static final List<String> KEYS =
      List.of("name", "effectiveFrom", "description", "source", "rules");

  private final Problems problems;
  private final RuleReader rules;

  VersionReader(String fileText, Problems problems) {
    this.problems = problems;
    this.rules = new RuleReader(fileText, problems);
  }

  /** The version, or empty when it has problems (all of them reported). */
  Optional<PolicyVersion> read(YamlMap version) {
    version.allowOnly(KEYS, "a policy version");
    int before = problems.count();
    Optional<String> name = version.requiredText("name", "a policy version");
    Optional<Instant> effectiveFrom = effectiveFrom(version);
    List<PolicyRule> read = readRules(version);
    if (problems.count() > before) {
      return Optional.empty();
    }
    return Optional.of(
        new PolicyVersion(name.get().trim(), effectiveFrom.get(), description(version), read));
  }

  private Optional<Instant> effectiveFrom(YamlMap version) {
    Optional<String> text = version.requiredText("effectiveFrom", "a policy version");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Instant> instant = PolicyValues.instant(text.get());
    if (instant.isEmpty()) {
      problems.at(
          version.get("effectiveFrom").orElseThrow(),
          "effectiveFrom '"
              + text.get()
              + "' is neither a date (2009-01-01) nor an instant (2009-01-01T00:00:00Z)");
    }
    return instant;
  }

  private List<PolicyRule> readRules(YamlMap version) {
    List<PolicyRule> read = new ArrayList<>();
    Optional<Node> list = version.get("rules");
    if (list.isEmpty()) {
      problems.at(version.node(), "a policy version needs 'rules' (a list of rules)");
      return read;
    }
    Set<String> ids = new HashSet<>();
    for (Node item : YamlMap.items(list.get(), "rules", problems)) {
      Optional<YamlMap> entry = YamlMap.of(item, "a rule", problems);
      entry
          .flatMap(rules::read)
          .ifPresent(
              rule -> {
                if (ids.add(rule.ruleId())) {
                  read.add(rule);
                } else {
                  problems.at(item, "rule " + rule.ruleId() + " appears twice in this version");
                }
              });
    }
    return read;
  }

  private static String description(YamlMap version) {
    String description = version.text("description").map(String::trim).orElse("");
    Optional<String> source = version.text("source").map(String::trim);
    if (source.isEmpty()) {
      return description;
    }
    return description.isEmpty()
        ? "Source: " + source.get()
        : description + " Source: " + source.get();
  }
}
