package dev.accessaudit.streams.rules.custom;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;

/**
 * A compiled CEL condition of a custom rule: compiled and type-checked once, evaluated per access
 * against the variables of {@link CelEnvironment}.
 */
public final class CelCondition {

  private final String source;
  private final CelRuntime.Program program;
  private final boolean readsConsent;

  private CelCondition(String source, CelRuntime.Program program, boolean readsConsent) {
    this.source = source;
    this.program = program;
    this.readsConsent = readsConsent;
  }

  /** Compiles a boolean expression; every problem comes with its offset in {@code source}. */
  public static CelCondition compile(String source) throws CelCompileException {
    CelAbstractSyntaxTree ast = CelEnvironment.compile(source, true);
    return new CelCondition(
        source, CelEnvironment.program(ast), CelEnvironment.references(ast, "consent"));
  }

  public String source() {
    return source;
  }

  /** Whether the condition reads the visitor's consent. */
  public boolean readsConsent() {
    return readsConsent;
  }

  /**
   * Evaluates the condition.
   *
   * @throws CelEvaluationException when it fails at run time or does not give a bool
   */
  public boolean test(Map<String, ?> variables) throws CelEvaluationException {
    Object result = program.eval(variables);
    if (result instanceof Boolean holds) {
      return holds;
    }
    throw new CelEvaluationException("the condition gave " + result + ", not a bool");
  }
}
