package dev.accessaudit.streams.rules;

import dev.accessaudit.avro.AccessEvent;
import java.util.Locale;

/** Phrases that make alert summaries read as sentences. */
public final class Describe {

  private Describe() {}

  /** E.g. "Staff s-0042 viewed contact information of visitor v-000123 via crm". */
  public static String access(AccessEvent event) {
    return "Staff "
        + event.getStaffId()
        + " "
        + pastTense(event.getAction().name())
        + " "
        + category(event.getCategory().name())
        + " of visitor "
        + event.getVisitorId()
        + " via "
        + event.getService();
  }

  /** The data category as the privacy policies name it: FINANCIAL is "financial information". */
  public static String category(String symbol) {
    return switch (symbol) {
      case "CONTACT_INFO" -> "contact information";
      case "UNIQUE_IDENTIFIER" -> "unique identifiers";
      case "FINANCIAL" -> "financial information";
      case "IP_ADDRESS" -> "IP address";
      case "COOKIE" -> "cookies";
      case "LIVE_CHAT" -> "live chat messages";
      case "TELEPHONE_RECORDING" -> "telephone conversations";
      default -> "data";
    };
  }

  /** An enum symbol as lower-case words: CONTACT_INFO becomes "contact info". */
  public static String words(String symbol) {
    return symbol.toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String pastTense(String action) {
    return switch (action) {
      case "VIEW" -> "viewed";
      case "EXPORT" -> "exported";
      case "MODIFY" -> "modified";
      case "DELETE" -> "deleted";
      case "DISCLOSE" -> "disclosed";
      default -> "touched";
    };
  }
}
