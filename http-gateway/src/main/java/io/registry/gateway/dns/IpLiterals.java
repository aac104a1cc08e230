package io.registry.gateway.dns;

import org.xbill.DNS.Address;

/**
 * IP literals in catalog addresses. Never a DNS lookup: an address that is not a literal is
 * a host name, answered with a CNAME.
 */
final class IpLiterals {
  private IpLiterals() {}

  /** The 4 or 16 bytes of an IP literal; null for a host name or garbage. */
  static byte[] parse(String address) {
    if (address == null || address.isEmpty()) {
      return null;
    }
    byte[] v4 = Address.toByteArray(address, Address.IPv4);
    if (v4 != null) {
      return v4;
    }
    String a = address;
    // A zone ("fe80::1%eth0") means nothing to a remote client.
    int zone = a.indexOf('%');
    if (zone >= 0) {
      a = a.substring(0, zone);
    }
    return a.indexOf(':') >= 0 ? Address.toByteArray(a, Address.IPv6) : null;
  }
}
