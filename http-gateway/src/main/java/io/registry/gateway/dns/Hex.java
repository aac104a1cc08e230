package io.registry.gateway.dns;

import java.util.HexFormat;

/** The hex form of IP addresses in `<hex>.addr.<dc>.<domain>` names. */
final class Hex {
  private Hex() {}

  /** Lower-case hex of the bytes: 7f000001 for 127.0.0.1. */
  static String encode(byte[] ip) {
    return HexFormat.of().formatHex(ip);
  }

  /** The bytes of an even-length hex label; null when it is not one. */
  static byte[] decode(String label) {
    if (label.isEmpty() || label.length() % 2 != 0) {
      return null;
    }
    try {
      return HexFormat.of().parseHex(label);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
