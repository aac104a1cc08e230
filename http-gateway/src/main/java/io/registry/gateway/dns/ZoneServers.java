package io.registry.gateway.dns;

import io.registry.node.api.Member;
import io.registry.node.api.RegistryNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** Answers for the domain itself: SOA, and NS naming up to 3 live servers with glue. */
final class ZoneServers {
  private static final int MAX_NS = 3;
  private static final int ALIVE = 1;

  private final RegistryNode node;
  private final ZoneRecords zone;
  private final long ttl;

  ZoneServers(RegistryNode node, ZoneRecords zone, long ttl) {
    this.node = node;
    this.zone = zone;
    this.ttl = ttl;
  }

  Answer apex(int qtype) {
    List<AnswerUnit> units = new ArrayList<>();
    if (qtype == Type.SOA || qtype == Type.ANY) {
      units.add(new AnswerUnit(zone.soa()));
    }
    if (qtype == Type.NS || qtype == Type.ANY) {
      units.addAll(nameServers());
    }
    return new Answer(Rcode.NOERROR, units, false);
  }

  private List<AnswerUnit> nameServers() {
    String dc = node.self().datacenter().toLowerCase(Locale.ROOT);
    List<AnswerUnit> out = new ArrayList<>();
    for (Member m : node.members()) {
      if (out.size() == MAX_NS) {
        break;
      }
      if (m.status() != ALIVE || !"consul".equals(m.tags().get("role"))) {
        continue;
      }
      Name target = DnsNames.under(m.name() + ".node." + dc, zone.domain());
      byte[] ip = IpLiterals.parse(m.addr());
      if (target == null || ip == null) {
        continue; // an NS without a usable glue address would only send resolvers astray
      }
      Record glue = ip.length == 4 ? new org.xbill.DNS.ARecord(target, DClass.IN, ttl, ip)
          : new org.xbill.DNS.AAAARecord(target, DClass.IN, ttl, ip);
      out.add(new AnswerUnit(new NSRecord(zone.domain(), DClass.IN, ttl, target), List.of(glue)));
    }
    return out;
  }
}
