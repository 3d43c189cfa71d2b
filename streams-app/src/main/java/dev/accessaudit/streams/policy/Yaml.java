package dev.accessaudit.streams.policy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/** Reading YAML files as node trees that keep line and column of every value. */
final class Yaml {

  private Yaml() {}

  /** The file's text; an unreadable file is a problem of its own. */
  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      String why = e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.toString();
      throw new PolicyFileException(
          List.of(new PolicyProblem(file.toString(), 1, 1, "cannot read the file: " + why)));
    }
  }

  /** The document's root node, or empty with a problem for a syntax error or an empty file. */
  static Optional<Node> compose(String text, Problems problems) {
    try {
      Node root = new org.yaml.snakeyaml.Yaml(new LoaderOptions()).compose(new StringReader(text));
      if (root == null) {
        problems.at(1, 1, "the file is empty");
      }
      return Optional.ofNullable(root);
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.at(mark, "not valid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      problems.at(1, 1, "not valid YAML: " + e.getMessage());
    }
    return Optional.empty();
  }
}
