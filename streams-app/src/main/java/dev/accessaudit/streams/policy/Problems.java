package dev.accessaudit.streams.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one file, so that a bad file is reported whole, not one at a time. */
final class Problems {

  private final String file;
  private final List<PolicyProblem> found = new ArrayList<>();

  Problems(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  void at(Node node, String message) {
    at(node.getStartMark(), message);
  }

  void at(Mark mark, String message) {
    at(mark.getLine() + 1, mark.getColumn() + 1, message);
  }

  void at(int line, int column, String message) {
    found.add(new PolicyProblem(file, line, column, message));
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  int count() {
    return found.size();
  }

  /** Throws the problems found so far, in file order, if there are any. */
  void throwIfAny() {
    if (!found.isEmpty()) {
      List<PolicyProblem> sorted = new ArrayList<>(found);
      sorted.sort(
          Comparator.comparingInt(PolicyProblem::line).thenComparingInt(PolicyProblem::column));
      throw new PolicyFileException(sorted);
    }
  }
}
