package dev.accessaudit.streams.policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A policy test file (YAML; format in docs/policy.md): cases that each give an access (only the
 * fields that matter; the rest defaulted), the agreement and consent in force, and the rule ids the
 * policy must or must not raise. Checked whole at load like a policy file.
 *
 * @param cases the cases, in file order
 * @param policy the policy file the tests name ({@code policy:}, relative to the test file), if any
 */
public record PolicyTestFile(List<PolicyTestCase> cases, Optional<Path> policy) {

  /** The classpath resource of the shipped policy's tests. */
  public static final String DEFAULT_RESOURCE = "/policy/default-policy-test.yaml";

  private static final List<String> KEYS = List.of("description", "policy", "cases");

  public PolicyTestFile {
    cases = List.copyOf(cases);
  }

  /**
   * Loads and checks a test file.
   *
   * @throws PolicyFileException when it cannot be read or has any problem
   */
  public static PolicyTestFile load(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    return parse(Yaml.read(file), file.toString(), dir);
  }

  /** The tests of the shipped default policy. */
  public static PolicyTestFile defaultTests() {
    return parse(PolicyFile.resourceText(DEFAULT_RESOURCE), "default-policy-test.yaml", null);
  }

  /** Parses test text; {@code baseDir} resolves {@code policy:} (null: ignore it). */
  public static PolicyTestFile parse(String text, String fileName, Path baseDir) {
    Problems problems = new Problems(fileName);
    Optional<YamlMap> root =
        Yaml.compose(text, problems).flatMap(n -> YamlMap.of(n, "a policy test file", problems));
    List<PolicyTestCase> cases = new ArrayList<>();
    Optional<Path> policy = Optional.empty();
    if (root.isPresent()) {
      root.get().allowOnly(KEYS, "a policy test file");
      cases.addAll(cases(root.get(), problems));
      policy =
          root.get()
              .text("policy")
              .filter(p -> baseDir != null)
              .map(p -> baseDir.resolve(p.trim()));
    }
    problems.throwIfAny();
    return new PolicyTestFile(cases, policy);
  }

  private static List<PolicyTestCase> cases(YamlMap root, Problems problems) {
    List<PolicyTestCase> cases = new ArrayList<>();
    Optional<Node> list = root.get("cases");
    if (list.isEmpty()) {
      problems.at(root.node(), "a policy test file needs 'cases' (a list of test cases)");
      return cases;
    }
    TestCaseReader reader = new TestCaseReader(problems);
    for (Node item : YamlMap.items(list.get(), "cases", problems)) {
      YamlMap.of(item, "a test case", problems).flatMap(reader::read).ifPresent(cases::add);
    }
    return cases;
  }
}
