package dev.accessaudit.validation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes as the JDK knows them, with hints for common mistakes. */
final class CountryCodes {

  private static final Set<String> ALPHA2 = Set.of(Locale.getISOCountries());
  private static final Map<String, String> HINTS = hints();

  private CountryCodes() {}

  static boolean isAlpha2(String code) {
    return ALPHA2.contains(code);
  }

  /** The code a person most likely meant, e.g. "UK" -> "GB", "gbr" -> "GB", "nl" -> "NL". */
  static Optional<String> suggestionFor(String code) {
    String upper = code.strip().toUpperCase(Locale.ROOT);
    if (ALPHA2.contains(upper)) {
      return Optional.of(upper);
    }
    return Optional.ofNullable(HINTS.get(upper));
  }

  private static Map<String, String> hints() {
    Map<String, String> hints = new HashMap<>();
    for (String alpha2 : ALPHA2) {
      String alpha3 = new Locale("", alpha2).getISO3Country();
      if (!alpha3.isEmpty()) {
        hints.put(alpha3, alpha2);
      }
    }
    // Codes people use that ISO 3166-1 reserves for other purposes.
    hints.put("UK", "GB");
    hints.put("EL", "GR");
    hints.put("EN", "GB");
    return Map.copyOf(hints);
  }
}
