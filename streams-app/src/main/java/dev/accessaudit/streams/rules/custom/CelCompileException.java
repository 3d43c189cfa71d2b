package dev.accessaudit.streams.rules.custom;

import java.util.List;
import java.util.stream.Collectors;

/** A CEL expression (or summary template) that does not compile; lists every problem found. */
public final class CelCompileException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<CelIssueAt> issues;

  public CelCompileException(List<CelIssueAt> issues) {
    super(issues.stream().map(CelIssueAt::message).collect(Collectors.joining("; ")));
    this.issues = List.copyOf(issues);
  }

  public List<CelIssueAt> issues() {
    return issues;
  }
}
