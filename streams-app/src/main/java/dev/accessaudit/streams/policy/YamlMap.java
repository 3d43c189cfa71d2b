package dev.accessaudit.streams.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read with positions: every complaint (unknown or duplicate key, wrong kind of
 * value, missing key) goes to {@link Problems} with the line and column of the offending node.
 */
final class YamlMap {

  private final MappingNode node;
  private final Problems problems;
  private final Map<String, Node> values = new LinkedHashMap<>();
  private final Map<String, Node> keys = new LinkedHashMap<>();

  private YamlMap(MappingNode node, Problems problems) {
    this.node = node;
    this.problems = problems;
    for (NodeTuple tuple : node.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        problems.at(tuple.getKeyNode(), "keys must be plain words");
      } else if (values.containsKey(key.getValue())) {
        problems.at(key, "duplicate key '" + key.getValue() + "'");
      } else {
        values.put(key.getValue(), tuple.getValueNode());
        keys.put(key.getValue(), key);
      }
    }
  }

  /** The mapping, or empty (with a problem) when the node is something else. */
  static Optional<YamlMap> of(Node node, String what, Problems problems) {
    if (node instanceof MappingNode mapping) {
      return Optional.of(new YamlMap(mapping, problems));
    }
    problems.at(node, what + " must be a mapping of keys to values");
    return Optional.empty();
  }

  Node node() {
    return node;
  }

  Set<String> keys() {
    return values.keySet();
  }

  Node keyNode(String key) {
    return keys.get(key);
  }

  /** Reports every key not in {@code known}. */
  void allowOnly(Collection<String> known, String where) {
    for (String key : values.keySet()) {
      if (!known.contains(key)) {
        problems.at(
            keys.get(key),
            "unknown key '" + key + "' in " + where + " (known: " + sorted(known) + ")");
      }
    }
  }

  Optional<Node> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** A scalar's text; blank scalars count as absent. */
  Optional<String> text(String key) {
    Node value = values.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof ScalarNode scalar) {
      return scalar.getValue().isBlank() ? Optional.empty() : Optional.of(scalar.getValue());
    }
    problems.at(value, "'" + key + "' must be a single value, not a list or mapping");
    return Optional.empty();
  }

  /** Like {@link #text} but reports a missing or blank value at the mapping. */
  Optional<String> requiredText(String key, String where) {
    Optional<String> text = text(key);
    if (text.isEmpty() && (!values.containsKey(key) || values.get(key) instanceof ScalarNode)) {
      problems.at(values.getOrDefault(key, node), where + " needs a '" + key + "'");
    }
    return text;
  }

  /** The items of a sequence value (a single scalar counts as a one-item list). */
  static List<Node> items(Node value, String key, Problems problems) {
    if (value instanceof SequenceNode sequence) {
      return sequence.getValue();
    }
    if (value instanceof ScalarNode) {
      return List.of(value);
    }
    problems.at(value, "'" + key + "' must be a list");
    return new ArrayList<>();
  }

  static String sorted(Collection<String> names) {
    return String.join(", ", new TreeSet<>(names));
  }
}
