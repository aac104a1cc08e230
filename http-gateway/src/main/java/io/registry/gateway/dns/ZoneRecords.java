package io.registry.gateway.dns;

import java.time.Clock;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.SOARecord;

/** The records of the zone itself: the SOA that negative answers carry (§13.2). */
final class ZoneRecords {
  private static final long REFRESH = 3600;
  private static final long RETRY = 600;
  private static final long EXPIRE = 86400;
  private static final long MINIMUM = 0;

  private final Name domain;
  private final Name primary;
  private final Name admin;
  /** Serial = now in unix seconds, as Consul does: the zone has no version of its own. */
  private final Clock clock;

  ZoneRecords(Name domain, Clock clock) {
    this.domain = domain;
    this.primary = DnsNames.under("ns", domain);
    this.admin = DnsNames.under("hostmaster", domain);
    this.clock = clock;
  }

  Name domain() {
    return domain;
  }

  SOARecord soa() {
    long serial = clock.instant().getEpochSecond() & 0xffffffffL;
    return new SOARecord(domain, DClass.IN, MINIMUM, primary, admin, serial, REFRESH, RETRY,
        EXPIRE, MINIMUM);
  }
}
