package dev.accessaudit.streams.rules.data;

/** Small text checks shared by the data rules. */
final class Text {

  private Text() {}

  static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
