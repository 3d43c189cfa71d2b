package dev.accessaudit.streams.rules.custom;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CEL environment of custom rules: variables {@code event}, {@code agreement}, {@code consent}
 * (each {@code map(string, dyn)}, see {@link AccessMaps}) and {@code params} ({@code map(string,
 * string)}), the standard library, and {@code timestamp(int)} read as epoch seconds. Selecting a
 * field the records do not have is a compile error, not a surprise at run time.
 */
final class CelEnvironment {

  static final Set<String> VARIABLES = Set.of("event", "agreement", "consent", "params");

  private static final Cel CONDITIONS = build(SimpleType.BOOL);
  private static final Cel VALUES = build(SimpleType.DYN);

  private CelEnvironment() {}

  /** Compiles a condition (must be a bool) or, with {@code bool=false}, any value. */
  static CelAbstractSyntaxTree compile(String expression, boolean bool) throws CelCompileException {
    CelValidationResult result = (bool ? CONDITIONS : VALUES).compile(expression);
    if (result.hasError()) {
      List<CelIssueAt> issues = new ArrayList<>();
      for (CelIssue issue : result.getErrors()) {
        int offset = result.getSource().getLocationOffset(issue.getSourceLocation()).orElse(0);
        issues.add(new CelIssueAt(offset, issue.getMessage()));
      }
      throw new CelCompileException(issues);
    }
    try {
      CelAbstractSyntaxTree ast = result.getAst();
      checkFieldNames(ast);
      return ast;
    } catch (CelValidationException e) {
      throw new CelCompileException(List.of(new CelIssueAt(0, e.getMessage())));
    }
  }

  static CelRuntime.Program program(CelAbstractSyntaxTree ast) {
    try {
      return VALUES.createProgram(ast);
    } catch (CelEvaluationException e) {
      throw new IllegalStateException(
          "a checked CEL expression did not plan: " + e.getMessage(), e);
    }
  }

  /** Whether the expression reads the given variable. */
  static boolean references(CelAbstractSyntaxTree ast, String variable) {
    return CelNavigableAst.fromAst(ast)
        .getRoot()
        .allNodes()
        .anyMatch(
            node ->
                node.getKind() == CelExpr.ExprKind.Kind.IDENT
                    && node.expr().ident().name().equals(variable));
  }

  private static void checkFieldNames(CelAbstractSyntaxTree ast) throws CelCompileException {
    List<CelIssueAt> issues =
        CelNavigableAst.fromAst(ast)
            .getRoot()
            .allNodes()
            .filter(node -> node.getKind() == CelExpr.ExprKind.Kind.SELECT)
            .flatMap(node -> unknownField(ast, node.expr()).stream())
            .toList();
    if (!issues.isEmpty()) {
      throw new CelCompileException(issues);
    }
  }

  private static Optional<CelIssueAt> unknownField(CelAbstractSyntaxTree ast, CelExpr select) {
    CelExpr operand = select.select().operand();
    if (operand.getKind() != CelExpr.ExprKind.Kind.IDENT) {
      return Optional.empty();
    }
    Set<String> known = AccessMaps.FIELDS.get(operand.ident().name());
    String field = select.select().field();
    if (known == null || known.contains(field)) {
      return Optional.empty();
    }
    // CEL places a selection at its dot; point at the field name after it
    int offset = ast.getSource().getPositionsMap().getOrDefault(select.id(), -1) + 1;
    return Optional.of(
        new CelIssueAt(
            offset,
            operand.ident().name()
                + " has no field '"
                + field
                + "' (known: "
                + String.join(", ", new TreeSet<>(known))
                + ")"));
  }

  private static Cel build(CelType resultType) {
    CelType record = MapType.create(SimpleType.STRING, SimpleType.DYN);
    return CelFactory.standardCelBuilder()
        .setOptions(CelOptions.current().enableTimestampEpoch(true).build())
        .addVar("event", record)
        .addVar("agreement", record)
        .addVar("consent", record)
        .addVar("params", MapType.create(SimpleType.STRING, SimpleType.STRING))
        .setResultType(resultType)
        .build();
  }
}
