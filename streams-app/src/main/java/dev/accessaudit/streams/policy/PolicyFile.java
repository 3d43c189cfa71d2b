package dev.accessaudit.streams.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a policy file (YAML; format in docs/policy.md): named versions, each with the date it comes
 * into force and its rules. Everything is checked at load, custom CEL conditions included, and a
 * bad file is rejected whole with a {@link PolicyFileException} listing every problem with its line
 * and column.
 *
 * <pre>{@code
 * Policy policy = PolicyFile.load(Path.of("policy.yaml"));   // or PolicyFile.defaultPolicy()
 * }</pre>
 */
public final class PolicyFile {

  /** The classpath resource of the shipped policy. */
  public static final String DEFAULT_RESOURCE = "/policy/default-policy.yaml";

  private static final List<String> KEYS = List.of("description", "versions");

  private PolicyFile() {}

  /**
   * Loads and checks a policy file.
   *
   * @throws PolicyFileException when the file cannot be read or has any problem
   */
  public static Policy load(Path file) {
    return parse(Yaml.read(file), file.toString());
  }

  /** The shipped default policy (versions "2005" and "2009"). */
  public static Policy defaultPolicy() {
    return parse(resourceText(DEFAULT_RESOURCE), "default-policy.yaml");
  }

  /** Parses policy text; {@code fileName} names the file in problems. */
  public static Policy parse(String text, String fileName) {
    Problems problems = new Problems(fileName);
    Optional<YamlMap> root =
        Yaml.compose(text, problems).flatMap(node -> YamlMap.of(node, "a policy file", problems));
    List<PolicyVersion> versions = new ArrayList<>();
    root.ifPresent(map -> versions.addAll(versions(map, text, problems)));
    problems.throwIfAny();
    return new Policy(versions);
  }

  static String resourceText(String resource) {
    try (InputStream in = PolicyFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("resource " + resource + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<PolicyVersion> versions(YamlMap root, String text, Problems problems) {
    root.allowOnly(KEYS, "a policy file");
    List<PolicyVersion> versions = new ArrayList<>();
    Optional<Node> list = root.get("versions");
    if (list.isEmpty()) {
      problems.at(root.node(), "a policy file needs 'versions' (a list of policy versions)");
      return versions;
    }
    VersionReader reader = new VersionReader(text, problems);
    Map<String, Node> names = new HashMap<>();
    Map<Instant, Node> dates = new HashMap<>();
    for (Node item : YamlMap.items(list.get(), "versions", problems)) {
      YamlMap.of(item, "a policy version", problems)
          .flatMap(reader::read)
          .ifPresent(
              version -> {
                unique(
                    names, version.name(), item, "version name '" + version.name() + "'", problems);
                unique(
                    dates,
                    version.effectiveFrom(),
                    item,
                    "effectiveFrom " + version.effectiveFrom(),
                    problems);
                versions.add(version);
              });
    }
    if (versions.isEmpty() && problems.isEmpty()) {
      problems.at(list.get(), "a policy file needs at least one version");
    }
    return versions;
  }

  private static <K> void unique(
      Map<K, Node> seen, K key, Node node, String what, Problems problems) {
    Node first = seen.putIfAbsent(key, node);
    if (first != null) {
      problems.at(
          node,
          what + " is already used by the version at line " + (first.getStartMark().getLine() + 1));
    }
  }
}
