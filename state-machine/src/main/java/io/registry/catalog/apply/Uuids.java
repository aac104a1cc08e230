package io.registry.catalog.apply;

/** Node ID syntax check with go-uuid's error texts (Consul wraps them in "Bad node ID: "). */
final class Uuids {
  private Uuids() {}

  /** null when the text is a UUID (8-4-4-4-12 hex digits), else what is wrong. */
  static String problem(String text) {
    if (text.length() != 36) {
      return "uuid string is wrong length";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      boolean ok = dash ? c == '-' : Character.digit(c, 16) >= 0 && c < 128;
      if (!ok) {
        return "uuid is improperly formatted";
      }
    }
    return null;
  }
}
