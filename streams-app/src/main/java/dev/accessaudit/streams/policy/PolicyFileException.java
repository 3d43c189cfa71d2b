package dev.accessaudit.streams.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A policy (or policy test) file that cannot be used. The file is rejected whole; the exception
 * lists every problem found, each with its line and column, one per line of the message.
 */
public final class PolicyFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<PolicyProblem> problems;

  public PolicyFileException(List<PolicyProblem> problems) {
    super(problems.stream().map(PolicyProblem::toString).collect(Collectors.joining("\n")));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a PolicyFileException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<PolicyProblem> problems() {
    return problems;
  }
}
