package dev.accessaudit.streams.policy;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The parameters of one built-in rule entry. A rule's factory asks for each parameter it knows by
 * name, type and default; a bad value is reported at its line and the default used so that reading
 * goes on. Names nobody asked for are reported by {@link #reportUnknown}. {@link #effective} gives
 * every parameter's value as text (defaults included), which alerts carry in their details.
 */
final class RuleParameters {

  private static final Set<String> OFFICES = Set.of(Locale.getISOCountries());

  private final YamlMap given;
  private final Problems problems;
  private final String ruleId;
  private final Map<String, String> effective = new LinkedHashMap<>();

  RuleParameters(YamlMap given, Problems problems, String ruleId) {
    this.given = given;
    this.problems = problems;
    this.ruleId = ruleId;
  }

  <E extends Enum<E>> Set<E> enums(String name, Class<E> type, Set<E> defaults) {
    Set<E> values = EnumSet.noneOf(type);
    values.addAll(defaults);
    Optional<Node> node = given == null ? Optional.empty() : given.get(name);
    if (node.isPresent()) {
      values.clear();
      for (Node item : YamlMap.items(node.get(), name, problems)) {
        scalar(item, name).flatMap(text -> symbol(item, type, text)).ifPresent(values::add);
      }
    }
    effective.put(name, values.stream().map(Enum::name).collect(Collectors.joining(",")));
    return values;
  }

  /** ISO 3166-1 alpha-2 office codes, upper case. */
  Set<String> offices(String name, Set<String> defaults) {
    return strings(name, defaults, true);
  }

  Set<String> strings(String name, Set<String> defaults) {
    return strings(name, defaults, false);
  }

  int positiveInt(String name, int defaultValue) {
    int value = defaultValue;
    Optional<Node> node = given == null ? Optional.empty() : given.get(name);
    Optional<String> text = node.flatMap(n -> scalar(n, name));
    if (text.isPresent()) {
      try {
        value = Integer.parseInt(text.get().trim());
      } catch (NumberFormatException e) {
        value = 0;
      }
      if (value < 1) {
        problems.at(
            node.get(), name + " must be a whole number of at least 1, was '" + text.get() + "'");
        value = defaultValue;
      }
    }
    effective.put(name, Integer.toString(value));
    return value;
  }

  Duration positiveDuration(String name, Duration defaultValue) {
    Duration value = defaultValue;
    Optional<Node> node = given == null ? Optional.empty() : given.get(name);
    Optional<String> text = node.flatMap(n -> scalar(n, name));
    if (text.isPresent()) {
      Optional<Duration> parsed = PolicyValues.duration(text.get());
      if (parsed.isEmpty() || parsed.get().isZero()) {
        problems.at(
            node.get(),
            name + " '" + text.get() + "' is not a positive duration such as" + " 1h, 30m or PT1H");
      } else {
        value = parsed.get();
      }
    }
    effective.put(name, PolicyValues.format(value));
    return value;
  }

  /** Reports every given parameter the rule did not ask for. */
  void reportUnknown() {
    if (given == null) {
      return;
    }
    for (String key : given.keys()) {
      if (!effective.containsKey(key)) {
        String known =
            effective.isEmpty() ? "it takes none" : "known: " + YamlMap.sorted(effective.keySet());
        problems.at(
            given.keyNode(key),
            "unknown parameter '" + key + "' for " + ruleId + " (" + known + ")");
      }
    }
  }

  Map<String, String> effective() {
    return effective;
  }

  private Set<String> strings(String name, Set<String> defaults, boolean office) {
    Set<String> values = new LinkedHashSet<>(defaults);
    Optional<Node> node = given == null ? Optional.empty() : given.get(name);
    if (node.isPresent()) {
      values.clear();
      for (Node item : YamlMap.items(node.get(), name, problems)) {
        scalar(item, name)
            .map(String::trim)
            .filter(v -> !office || isOffice(item, v))
            .ifPresent(values::add);
      }
    }
    effective.put(name, String.join(",", values));
    return values;
  }

  private boolean isOffice(Node item, String value) {
    if (OFFICES.contains(value)) {
      return true;
    }
    String hint = value.equalsIgnoreCase("UK") ? " (did you mean GB?)" : "";
    problems.at(
        item, "office '" + value + "' is not an ISO 3166-1 alpha-2 code in capitals" + hint);
    return false;
  }

  private Optional<String> scalar(Node node, String name) {
    if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
      return Optional.of(scalar.getValue());
    }
    problems.at(node, "parameter '" + name + "' needs plain values");
    return Optional.empty();
  }

  private <E extends Enum<E>> Optional<E> symbol(Node node, Class<E> type, String text) {
    String symbol = text.trim().toUpperCase(Locale.ROOT);
    Optional<E> found =
        Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(symbol)).findFirst();
    if (found.isEmpty()) {
      Collection<String> known = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
      problems.at(
          node,
          "'"
              + text
              + "' is not a "
              + type.getSimpleName()
              + " (known: "
              + String.join(", ", known)
              + ")");
    }
    return found;
  }
}
