package dev.accessaudit.replay;

/**
 * Escapes text for XHTML content and attributes. Only the five predefined XML entities are used, so
 * the reports stay well-formed XML that any XML parser reads.
 */
final class Markup {

  private Markup() {}

  static String escape(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
      }
    }
    return out.toString();
  }

  /** {@code <td>text</td>}, the text escaped. */
  static String cell(Object value) {
    return "<td>" + escape(value) + "</td>";
  }

  /** {@code <td class="...">text</td>}, the text escaped. */
  static String cell(String cssClass, Object value) {
    return "<td class=\"" + escape(cssClass) + "\">" + escape(value) + "</td>";
  }
}
