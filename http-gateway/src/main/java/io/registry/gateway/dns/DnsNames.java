package io.registry.gateway.dns;

import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.TextParseException;

/** Building names from catalog strings, which need not be valid DNS names. */
final class DnsNames {
  private DnsNames() {}

  /** label(s) + "." + parent; null when the result is not a valid name. */
  static Name under(String labels, Name parent) {
    try {
      return Name.concatenate(Name.fromString(labels), parent);
    } catch (TextParseException | NameTooLongException e) {
      return null;
    }
  }

  /** A host name as an absolute name; null when it is not a valid one. */
  static Name absolute(String host) {
    try {
      return Name.fromString(host.endsWith(".") ? host : host + ".");
    } catch (TextParseException e) {
      return null;
    }
  }
}
