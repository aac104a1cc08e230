package io.registry.gateway.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * How the DNS interface answers (consul-api.md §13, dns_config of §14.3).
 *
 * @param domain the zone we answer for, lower-case, absolute ("consul.")
 * @param onlyPassing drop warning instances too (dns_config.only_passing)
 * @param serviceTtl service name (lower-case) or prefix ending in "*" to record TTL
 * @param nodeTtl TTL of node records
 * @param udpAnswerLimit answers in a UDP reply without EDNS (1..8)
 * @param aRecordLimit cap on A/AAAA/ANY answers on any transport; 0 = none
 * @param enableTruncate set TC when an answer was trimmed (Consul's default is not to)
 * @param recursors where names outside the domain are forwarded, tried in order
 * @param recursorTimeout how long one recursor gets before the next is asked
 */
public record DnsOptions(
    String domain,
    boolean onlyPassing,
    Map<String, Duration> serviceTtl,
    Duration nodeTtl,
    int udpAnswerLimit,
    int aRecordLimit,
    boolean enableTruncate,
    List<InetSocketAddress> recursors,
    Duration recursorTimeout) {

  /** Consul's hard cap on udp_answer_limit. */
  public static final int MAX_UDP_ANSWERS = 8;

  public DnsOptions {
    domain = normalizeDomain(domain);
    Map<String, Duration> ttl = new LinkedHashMap<>();
    serviceTtl.forEach((k, v) -> ttl.put(k.toLowerCase(Locale.ROOT), nonNegative("service_ttl", v)));
    serviceTtl = Map.copyOf(ttl);
    nodeTtl = nonNegative("node_ttl", nodeTtl);
    if (udpAnswerLimit < 1) {
      throw new IllegalArgumentException("udp_answer_limit must be at least 1: " + udpAnswerLimit);
    }
    // Consul silently caps it: more than 8 records rarely fit 512 bytes anyway.
    udpAnswerLimit = Math.min(udpAnswerLimit, MAX_UDP_ANSWERS);
    if (aRecordLimit < 0) {
      throw new IllegalArgumentException("a_record_limit must not be negative: " + aRecordLimit);
    }
    recursors = List.copyOf(recursors);
    if (recursorTimeout == null || recursorTimeout.isNegative() || recursorTimeout.isZero()) {
      throw new IllegalArgumentException("recursor_timeout must be positive: " + recursorTimeout);
    }
  }

  /** Consul's defaults: domain consul., TTLs 0, 3 UDP answers, no recursors, 2 s timeout. */
  public static DnsOptions defaults() {
    return new DnsOptions("consul.", false, Map.of(), Duration.ZERO, 3, 0, false, List.of(),
        Duration.ofSeconds(2));
  }

  /** These options with another domain (the -domain flag). */
  public DnsOptions withDomain(String newDomain) {
    return new DnsOptions(newDomain, onlyPassing, serviceTtl, nodeTtl, udpAnswerLimit,
        aRecordLimit, enableTruncate, recursors, recursorTimeout);
  }

  /** These options with other recursors (the -recursor flag). */
  public DnsOptions withRecursors(List<InetSocketAddress> newRecursors) {
    return new DnsOptions(domain, onlyPassing, serviceTtl, nodeTtl, udpAnswerLimit,
        aRecordLimit, enableTruncate, newRecursors, recursorTimeout);
  }

  /** The TTL of a service's records: exact name, else the longest "prefix*", else 0. */
  public Duration serviceTtlOf(String service) {
    String name = service.toLowerCase(Locale.ROOT);
    Duration exact = serviceTtl.get(name);
    if (exact != null) {
      return exact;
    }
    Duration best = Duration.ZERO;
    int bestLength = -1;
    for (Map.Entry<String, Duration> e : serviceTtl.entrySet()) {
      String key = e.getKey();
      if (key.endsWith("*")) {
        String prefix = key.substring(0, key.length() - 1);
        if (name.startsWith(prefix) && prefix.length() > bestLength) {
          best = e.getValue();
          bestLength = prefix.length();
        }
      }
    }
    return best;
  }

  /**
   * A recursor address as Consul takes it: "ip", "ip:port", "[ipv6]:port"; port 53 when
   * none is given.
   */
  public static InetSocketAddress recursor(String text) {
    String s = text.strip();
    String host = s;
    int port = 53;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("invalid recursor address: " + text);
      }
      host = s.substring(1, close);
      if (close + 1 < s.length()) {
        port = portOf(s.substring(close + 1), text);
      }
    } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
      host = s.substring(0, s.indexOf(':'));
      port = portOf(s.substring(s.indexOf(':')), text);
    }
    if (host.isEmpty()) {
      throw new IllegalArgumentException("invalid recursor address: " + text);
    }
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("cannot resolve recursor address: " + text);
    }
    return address;
  }

  private static int portOf(String colonPort, String text) {
    try {
      int port = Integer.parseInt(colonPort.substring(1));
      if (colonPort.charAt(0) == ':' && port > 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      // reported below
    }
    throw new IllegalArgumentException("invalid recursor port: " + text);
  }

  private static String normalizeDomain(String domain) {
    String d = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
    while (d.startsWith(".")) {
      d = d.substring(1);
    }
    if (!d.endsWith(".")) {
      d = d + ".";
    }
    if (d.equals(".")) {
      throw new IllegalArgumentException("domain must not be empty");
    }
    try {
      Name.fromString(d);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("invalid domain \"" + domain + "\": " + e.getMessage());
    }
    return d;
  }

  private static Duration nonNegative(String key, Duration d) {
    if (d == null || d.isNegative()) {
      throw new IllegalArgumentException(key + " must be zero or more: " + d);
    }
    return d;
  }
}
