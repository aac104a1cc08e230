package io.registry.node.config;

import io.registry.catalog.model.GoDuration;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The DNS keys of the config files (§13, §14.3), each null when no file set it. Values that
 * need the DNS library to judge (domain, recursor addresses) are checked where the DNS
 * options are built; here only types and ranges.
 *
 * @param port ports.dns; -1 disables
 * @param address addresses.dns, over client_addr
 * @param recursors top-level recursors; later files append
 * @param serviceTtl dns_config.service_ttl: service name or "prefix*" to a TTL
 */
public record DnsFileSettings(
    Integer port,
    String address,
    String domain,
    List<String> recursors,
    Boolean onlyPassing,
    Map<String, Duration> serviceTtl,
    Duration nodeTtl,
    Integer udpAnswerLimit,
    Integer aRecordLimit,
    Boolean enableTruncate,
    Duration recursorTimeout) {

  public static final DnsFileSettings NONE =
      new DnsFileSettings(null, null, null, null, null, null, null, null, null, null, null);

  // dns_config keys Consul has and we accept without acting on them; each is reported.
  private static final String[] NOT_IMPLEMENTED = {
    "allow_stale", "max_stale", "enable_additional_node_meta_txt", "soa", "recursor_strategy",
    "use_cache", "cache_max_age", "disable_compression", "prefer_namespace"
  };

  /** Reads domain, recursors and dns_config of one file's top level; port and address come from ports/addresses. */
  static DnsFileSettings read(ConfigFields top, Integer port, String address,
      Consumer<String> ignored) {
    String domain = top.str("domain");
    if (domain != null && domain.isBlank()) {
      throw top.fail(top.pathOf("domain"), "must not be empty");
    }
    List<String> recursors = top.strings("recursors");
    ConfigFields dns = top.object("dns_config");
    if (dns == null) {
      return new DnsFileSettings(port, address, domain, recursors, null, null, null, null, null,
          null, null);
    }
    dns.ignore(ignored, NOT_IMPLEMENTED);
    Integer udpAnswerLimit = dns.integer("udp_answer_limit");
    if (udpAnswerLimit != null && udpAnswerLimit < 1) {
      throw dns.fail(dns.pathOf("udp_answer_limit"), "must be at least 1, got " + udpAnswerLimit);
    }
    Integer aRecordLimit = dns.integer("a_record_limit");
    if (aRecordLimit != null && aRecordLimit < 0) {
      throw dns.fail(dns.pathOf("a_record_limit"), "must not be negative");
    }
    DnsFileSettings out = new DnsFileSettings(port, address, domain, recursors,
        dns.bool("only_passing"),
        ttls(dns),
        dns.duration(false, "node_ttl"),
        udpAnswerLimit,
        aRecordLimit,
        dns.bool("enable_truncate"),
        dns.duration(true, "recursor_timeout"));
    dns.rejectUnknown();
    return out;
  }

  /** service_ttl: {"web": "10s", "db*": "5s", "*": "1s"}. */
  private static Map<String, Duration> ttls(ConfigFields dns) {
    Map<String, String> raw = dns.stringMap("service_ttl");
    if (raw == null) {
      return null;
    }
    Map<String, Duration> out = new LinkedHashMap<>();
    raw.forEach((service, text) -> {
      String at = dns.pathOf("service_ttl") + "." + service;
      Duration d;
      try {
        d = GoDuration.parse(text);
      } catch (IllegalArgumentException e) {
        throw dns.fail(at, "invalid duration \"" + text + "\" (use a number with a unit, such as \"10s\")");
      }
      if (d.isNegative()) {
        throw dns.fail(at, "duration must be zero or more, got \"" + text + "\"");
      }
      out.put(service, d);
    });
    return out;
  }

  /** These settings with a later file's over them: scalars win, recursors append, TTL maps merge. */
  DnsFileSettings merge(DnsFileSettings later) {
    return new DnsFileSettings(
        Merge.pick(port, later.port),
        Merge.pick(address, later.address),
        Merge.pick(domain, later.domain),
        Merge.concat(recursors, later.recursors),
        Merge.pick(onlyPassing, later.onlyPassing),
        Merge.maps(serviceTtl, later.serviceTtl),
        Merge.pick(nodeTtl, later.nodeTtl),
        Merge.pick(udpAnswerLimit, later.udpAnswerLimit),
        Merge.pick(aRecordLimit, later.aRecordLimit),
        Merge.pick(enableTruncate, later.enableTruncate),
        Merge.pick(recursorTimeout, later.recursorTimeout));
  }
}
