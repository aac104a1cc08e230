package io.registry.gateway.dns;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A name inside our domain, read per §13.1. Labels arrive lower-cased (names are
 * case-insensitive) with the domain already cut off.
 *
 * @param kind what the name asks for; NONE = not a name we serve (NXDOMAIN)
 * @param datacenter the datacenter label, null when the name has none
 * @param service service name (SERVICE)
 * @param tag tag filter (SERVICE), null for none
 * @param node node name (NODE)
 * @param address raw IP bytes (ADDR)
 */
record QueryName(
    Kind kind, String datacenter, String service, String tag, String node, byte[] address) {

  enum Kind { APEX, SERVICE, NODE, ADDR, NONE }

  static final QueryName NONE = new QueryName(Kind.NONE, null, null, null, null, null);

  private static final Set<String> KINDS = Set.of("service", "node", "addr", "query", "connect",
      "virtual", "ingress", "peer", "ns", "ap");

  /**
   * Reads the labels before the domain. srv: the question is an SRV query, the only one in
   * which the RFC 2782 form may leave out the "service" label.
   */
  static QueryName parse(List<String> labels, boolean srv) {
    int n = labels.size();
    if (n == 0) {
      return new QueryName(Kind.APEX, null, null, null, null, null);
    }
    String kind;
    String dc = null;
    List<String> rest;
    String last = labels.get(n - 1);
    if (n >= 3 && last.equals("dc") && KINDS.contains(labels.get(n - 3))) {
      // <name>.service.<dc>.dc.<domain>
      kind = labels.get(n - 3);
      dc = labels.get(n - 2);
      rest = labels.subList(0, n - 3);
    } else if (KINDS.contains(last)) {
      kind = last;
      rest = labels.subList(0, n - 1);
    } else if (n >= 2 && KINDS.contains(labels.get(n - 2))) {
      kind = labels.get(n - 2);
      dc = last;
      rest = labels.subList(0, n - 2);
    } else if (srv && isRfc2782(labels, n)) {
      // _web._tcp.<domain> or _web._tcp.<dc>.<domain>
      kind = "service";
      dc = n == 3 ? last : null;
      rest = labels.subList(0, 2);
    } else {
      return NONE;
    }
    if (rest.isEmpty()) {
      return NONE;
    }
    return switch (kind) {
      case "service" -> service(rest, dc);
      case "node" -> new QueryName(Kind.NODE, dc, null, null, String.join(".", rest), null);
      case "addr" -> address(rest, dc);
      default -> NONE; // prepared queries, connect, virtual, ...: out of scope (§13.1)
    };
  }

  private static boolean isRfc2782(List<String> labels, int n) {
    return (n == 2 || n == 3) && labels.get(0).startsWith("_") && labels.get(1).startsWith("_");
  }

  private static QueryName service(List<String> rest, String dc) {
    if (rest.size() == 2 && rest.get(0).startsWith("_") && rest.get(1).startsWith("_")) {
      String name = rest.get(0).substring(1);
      String tag = rest.get(1).substring(1);
      // RFC 2782's protocol label: "_tcp" filters nothing (Consul's rule).
      return name.isEmpty() ? NONE
          : new QueryName(Kind.SERVICE, dc, name, tag.equals("tcp") || tag.isEmpty() ? null : tag,
              null, null);
    }
    String name = rest.get(rest.size() - 1);
    String tag = rest.size() == 1 ? null : String.join(".", rest.subList(0, rest.size() - 1));
    return new QueryName(Kind.SERVICE, dc, name, tag, null, null);
  }

  private static QueryName address(List<String> rest, String dc) {
    if (rest.size() != 1) {
      return NONE;
    }
    byte[] ip = Hex.decode(rest.get(0));
    return ip == null || (ip.length != 4 && ip.length != 16) ? NONE
        : new QueryName(Kind.ADDR, dc, null, null, null, ip);
  }

  /** Whether the name's datacenter (if any) is ours. */
  boolean inDatacenter(String ours) {
    return datacenter == null || datacenter.equals(ours.toLowerCase(Locale.ROOT));
  }
}
