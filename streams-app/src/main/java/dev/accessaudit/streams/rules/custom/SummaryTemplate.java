package dev.accessaudit.streams.rules.custom;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An alert summary with {@code ${...}} placeholders, each a CEL expression over the same variables
 * as conditions, e.g. {@code "Staff ${event.staffId} exported ${size(event.fields)} fields."}.
 * Placeholders compile once; a value that fails at run time renders as {@code ?}.
 */
public final class SummaryTemplate {

  private final String source;
  private final List<Part> parts;

  private SummaryTemplate(String source, List<Part> parts) {
    this.source = source;
    this.parts = List.copyOf(parts);
  }

  /** Compiles every placeholder; problems carry their offset in {@code source}. */
  public static SummaryTemplate compile(String source) throws CelCompileException {
    List<Part> parts = new ArrayList<>();
    List<CelIssueAt> issues = new ArrayList<>();
    int at = 0;
    while (at < source.length()) {
      int open = source.indexOf("${", at);
      if (open < 0) {
        parts.add(new Part(source.substring(at), null));
        break;
      }
      parts.add(new Part(source.substring(at, open), null));
      int close = closingBrace(source, open + 2);
      if (close < 0) {
        issues.add(new CelIssueAt(open, "placeholder '${' is never closed with '}'"));
        break;
      }
      compilePlaceholder(source, open + 2, close, parts, issues);
      at = close + 1;
    }
    if (!issues.isEmpty()) {
      throw new CelCompileException(issues);
    }
    return new SummaryTemplate(source, parts);
  }

  public String source() {
    return source;
  }

  /** The summary for one access. */
  public String render(Map<String, ?> variables) {
    StringBuilder text = new StringBuilder();
    for (Part part : parts) {
      text.append(part.program == null ? part.literal : evaluate(part.program, variables));
    }
    return text.toString();
  }

  private static void compilePlaceholder(
      String source, int from, int to, List<Part> parts, List<CelIssueAt> issues) {
    try {
      var ast = CelEnvironment.compile(source.substring(from, to), false);
      parts.add(new Part(null, CelEnvironment.program(ast)));
    } catch (CelCompileException e) {
      e.issues().forEach(i -> issues.add(new CelIssueAt(from + i.offset(), i.message())));
    }
  }

  /** The index of the '}' closing a placeholder body starting at {@code from}, or -1. */
  private static int closingBrace(String text, int from) {
    int depth = 0;
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && depth-- == 0) {
        return i;
      }
    }
    return -1;
  }

  private static String evaluate(CelRuntime.Program program, Map<String, ?> variables) {
    try {
      Object value = program.eval(variables);
      return value instanceof com.google.protobuf.NullValue ? "null" : String.valueOf(value);
    } catch (CelEvaluationException e) {
      return "?";
    }
  }

  private record Part(String literal, CelRuntime.Program program) {}
}
