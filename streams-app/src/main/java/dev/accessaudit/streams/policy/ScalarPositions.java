package dev.accessaudit.streams.policy;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Maps a position inside a scalar's value (e.g. where a CEL expression fails) back to the line and
 * column in the file, for plain, quoted and block ({@code |}, {@code >}) scalars. Escapes in
 * double-quoted scalars are counted as one character each way; that is the only approximation.
 */
final class ScalarPositions {

  private ScalarPositions() {}

  /** The 1-based line and column of the value's character at {@code offset}. */
  static int[] locate(String fileText, ScalarNode scalar, int offset) {
    int raw = rawIndex(fileText, scalar, offset);
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < raw && i < fileText.length(); i++) {
      if (fileText.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new int[] {line, raw - lineStart + 1};
  }

  private static int rawIndex(String text, ScalarNode scalar, int offset) {
    ScalarStyle style = scalar.getScalarStyle();
    boolean block = style == ScalarStyle.LITERAL || style == ScalarStyle.FOLDED;
    int raw = scalar.getStartMark().getIndex();
    if (block) {
      return blockIndex(text, raw, offset);
    }
    boolean quoted = style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED;
    raw += quoted ? 1 : 0;
    for (int consumed = 0; consumed < offset && raw < text.length(); consumed++) {
      char c = text.charAt(raw);
      if (c == '\n') {
        raw = skipIndent(text, raw + 1);
      } else if ((style == ScalarStyle.DOUBLE_QUOTED && c == '\\')
          || (style == ScalarStyle.SINGLE_QUOTED && c == '\'')) {
        raw += 2;
      } else {
        raw++;
      }
    }
    return raw;
  }

  /** Block scalars: content starts on the line after the indicator, at its indentation. */
  private static int blockIndex(String text, int indicator, int offset) {
    int lineStart = text.indexOf('\n', indicator) + 1;
    if (lineStart == 0) {
      return indicator;
    }
    int indent = skipIndent(text, lineStart) - lineStart;
    int raw = lineStart + indent;
    for (int consumed = 0; consumed < offset && raw < text.length(); consumed++) {
      if (text.charAt(raw) == '\n') {
        int next = raw + 1;
        raw = Math.min(next + indent, skipIndent(text, next));
      } else {
        raw++;
      }
    }
    return raw;
  }

  private static int skipIndent(String text, int from) {
    int i = from;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}
