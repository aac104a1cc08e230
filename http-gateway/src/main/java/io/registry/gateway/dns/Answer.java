package io.registry.gateway.dns;

import java.util.List;
import org.xbill.DNS.Rcode;

/**
 * What a name inside our domain resolves to, before sizing.
 *
 * @param rcode NOERROR, NXDOMAIN or SERVFAIL
 * @param units answers in the order they should be sent
 * @param addressQuery an A/AAAA/ANY answer, which a_record_limit caps
 */
record Answer(int rcode, List<AnswerUnit> units, boolean addressQuery) {
  Answer {
    units = List.copyOf(units);
  }

  static Answer nxdomain() {
    return new Answer(Rcode.NXDOMAIN, List.of(), false);
  }

  static Answer empty() {
    return new Answer(Rcode.NOERROR, List.of(), false);
  }

  static Answer servfail() {
    return new Answer(Rcode.SERVFAIL, List.of(), false);
  }
}
