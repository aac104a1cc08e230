package io.registry.gateway.dns;

import io.registry.catalog.model.Check;
import io.registry.catalog.model.HealthFilter;
import io.registry.catalog.model.Node;
import io.registry.catalog.model.NodeServices;
import io.registry.catalog.model.Service;
import io.registry.catalog.model.ServiceInstance;
import io.registry.catalog.query.Health;
import io.registry.node.api.Consistency;
import io.registry.node.api.RegistryNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Answers for service, node and addr names from the local replica (stale reads, §13: DNS
 * must keep answering without a leader). Instances are kept by the one health rule
 * (NOT_CRITICAL, or PASSING with only_passing), the same function the HTTP API uses.
 */
final class CatalogAnswers {
  private final RegistryNode node;
  private final DnsOptions options;
  private final Name domain;
  private final ZoneServers zone;

  CatalogAnswers(RegistryNode node, DnsOptions options, Name domain, ZoneServers zone) {
    this.node = node;
    this.options = options;
    this.domain = domain;
    this.zone = zone;
  }

  Answer answer(Name qname, int qtype, QueryName q) {
    if (q.kind() == QueryName.Kind.NONE || !q.inDatacenter(datacenter())) {
      return Answer.nxdomain();
    }
    return switch (q.kind()) {
      case APEX -> zone.apex(qtype);
      case SERVICE -> service(qname, qtype, q);
      case NODE -> node(qname, qtype, q.node());
      case ADDR -> address(qname, qtype, q.address());
      case NONE -> Answer.nxdomain();
    };
  }

  private Answer service(Name qname, int qtype, QueryName q) {
    HealthFilter filter = options.onlyPassing() ? HealthFilter.PASSING : HealthFilter.NOT_CRITICAL;
    List<ServiceInstance> instances =
        node.read(Consistency.STALE, c -> c.service(q.service(), filter).value()).join();
    List<ServiceInstance> kept = new ArrayList<>();
    for (ServiceInstance i : instances) {
      if (q.tag() == null || hasTag(i.service(), q.tag())) {
        kept.add(i);
      }
    }
    if (kept.isEmpty()) {
      return Answer.nxdomain(); // unknown service and no healthy instance look the same (§13.3)
    }
    long ttl = options.serviceTtlOf(q.service()).toSeconds();
    List<AnswerUnit> units = new ArrayList<>();
    boolean addressQuery = isAddressType(qtype);
    for (ServiceInstance i : kept) {
      if (qtype == Type.SRV) {
        AnswerUnit srv = srv(qname, i, ttl);
        if (srv != null) {
          units.add(srv);
        }
      } else if (addressQuery) {
        String address = i.service().address().isEmpty() ? i.node().address() : i.service().address();
        Record r = addressOrAlias(qname, qtype, address, ttl);
        if (r != null) {
          units.add(new AnswerUnit(r));
        }
      }
    }
    return new Answer(Rcode.NOERROR, shuffledUnique(units), addressQuery);
  }

  private static boolean hasTag(Service s, String tag) {
    for (String t : s.tags()) {
      if (t.toLowerCase(Locale.ROOT).equals(tag)) {
        return true;
      }
    }
    return false;
  }

  /**
   * priority 1, weight by the instance's aggregate health; target the node's name when the
   * node address is used, the hex addr name when the service has its own IP, else the
   * service's host name. The target's address goes with it as additional records.
   */
  private AnswerUnit srv(Name qname, ServiceInstance i, long ttl) {
    Service s = i.service();
    Node n = i.node();
    boolean warning = Check.WARNING.equals(Health.aggregate(i.checks()));
    int weight = clamp(warning ? s.weights().warning() : s.weights().passing());
    Name target;
    List<Record> extra = new ArrayList<>();
    if (!s.address().isEmpty()) {
      byte[] ip = IpLiterals.parse(s.address());
      target = ip != null ? DnsNames.under(Hex.encode(ip) + ".addr." + datacenter(), domain)
          : DnsNames.absolute(s.address());
      if (ip != null && target != null) {
        extra.add(addressRecord(target, ip, ttl));
      }
    } else {
      target = DnsNames.under(n.name() + ".node." + datacenter(), domain);
      Record glue = target == null ? null : addressOrAlias(target, Type.ANY, n.address(), ttl);
      if (glue != null) {
        extra.add(glue);
      }
    }
    if (target == null) {
      return null; // a name DNS cannot carry: better no record than a wrong one
    }
    return new AnswerUnit(new SRVRecord(qname, DClass.IN, ttl, 1, weight, clamp(s.port()), target),
        extra);
  }

  private Answer node(Name qname, int qtype, String name) {
    NodeServices found = node.read(Consistency.STALE, c -> c.node(name).value()).join();
    if (found == null) {
      return Answer.nxdomain();
    }
    long ttl = options.nodeTtl().toSeconds();
    List<AnswerUnit> units = new ArrayList<>();
    Record address = isAddressType(qtype)
        ? addressOrAlias(qname, qtype, found.node().address(), ttl) : null;
    if (address != null) {
      units.add(new AnswerUnit(address));
    }
    if (qtype == Type.TXT || qtype == Type.ANY) {
      for (Map.Entry<String, String> m : new TreeMap<>(found.node().meta()).entrySet()) {
        units.add(new AnswerUnit(new TXTRecord(qname, DClass.IN, ttl,
            NodeMetaTxt.strings(m.getKey(), m.getValue()))));
      }
    }
    return new Answer(Rcode.NOERROR, shuffledUnique(units), qtype != Type.TXT);
  }

  private Answer address(Name qname, int qtype, byte[] ip) {
    List<AnswerUnit> units = new ArrayList<>();
    if (isAddressType(qtype) && matches(ip, qtype)) {
      units.add(new AnswerUnit(addressRecord(qname, ip, options.nodeTtl().toSeconds())));
    }
    return new Answer(Rcode.NOERROR, units, true);
  }

  private static boolean isAddressType(int qtype) {
    return qtype == Type.A || qtype == Type.AAAA || qtype == Type.ANY;
  }

  /** A only for A, AAAA only for AAAA, either for ANY (§13.2). */
  private static boolean matches(byte[] ip, int qtype) {
    return ip.length == 4 ? qtype != Type.AAAA : qtype != Type.A;
  }

  /**
   * The record of an address for an address query: A or AAAA as the type asks, a CNAME to
   * a host name (§13.2); null when there is none of that type.
   */
  private static Record addressOrAlias(Name owner, int qtype, String address, long ttl) {
    if (address == null || address.isEmpty()) {
      return null;
    }
    byte[] ip = IpLiterals.parse(address);
    if (ip == null) {
      Name host = DnsNames.absolute(address);
      return host == null ? null : new CNAMERecord(owner, DClass.IN, ttl, host);
    }
    return matches(ip, qtype) ? addressRecord(owner, ip, ttl) : null;
  }

  private static Record addressRecord(Name owner, byte[] ip, long ttl) {
    return ip.length == 4 ? new ARecord(owner, DClass.IN, ttl, ip)
        : new AAAARecord(owner, DClass.IN, ttl, ip);
  }

  /** Random order on every answer (§13.2), identical records once. */
  private static List<AnswerUnit> shuffledUnique(List<AnswerUnit> units) {
    List<AnswerUnit> shuffled = new ArrayList<>(units);
    Collections.shuffle(shuffled, ThreadLocalRandom.current());
    Map<Record, AnswerUnit> unique = new LinkedHashMap<>();
    for (AnswerUnit u : shuffled) {
      unique.putIfAbsent(u.answer(), u);
    }
    return List.copyOf(unique.values());
  }

  private static int clamp(int v) {
    return Math.max(0, Math.min(65535, v));
  }

  private String datacenter() {
    return node.self().datacenter().toLowerCase(Locale.ROOT);
  }
}
