package io.registry.gateway.dns;

import io.registry.node.api.RegistryNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * One query in, one reply out (or none): parse, route (our domain, a recursor, or
 * REFUSED), answer, size for the transport. Transport-free, so UDP and TCP share it and
 * tests can feed it bytes. Garbage never throws: FORMERR when a header can be read, else
 * silence.
 */
final class DnsHandler {
  private static final Logger LOG = LoggerFactory.getLogger(DnsHandler.class);
  /** RFC 1035's UDP limit for clients without EDNS. */
  static final int UDP_PLAIN = 512;
  /** Largest EDNS buffer we honour (§13.4). */
  static final int UDP_EDNS_MAX = 65467;
  static final int TCP_MAX = 65535;
  /** The buffer size we advertise back in our OPT record. */
  private static final int OUR_EDNS_SIZE = 4096;

  private final DnsOptions options;
  private final Name domain;
  private final ZoneRecords zone;
  private final CatalogAnswers answers;
  private final Recursors recursors;

  DnsHandler(RegistryNode node, DnsOptions options, Clock clock) {
    this.options = options;
    this.domain = Name.fromConstantString(options.domain());
    this.zone = new ZoneRecords(domain, clock);
    long nodeTtl = options.nodeTtl().toSeconds();
    this.answers = new CatalogAnswers(node, options, domain, new ZoneServers(node, zone, nodeTtl));
    this.recursors = new Recursors(options.recursors(), options.recursorTimeout());
  }

  /** The reply to one packet; null to send nothing. tcp: the reply may use 64 KiB. */
  byte[] handle(byte[] packet, boolean tcp) {
    if (packet.length < Header.LENGTH || (packet[2] & 0x80) != 0) {
      return null; // no header to answer, or a response: never reply to replies (loops)
    }
    Message query;
    try {
      query = new Message(packet);
    } catch (IOException | RuntimeException e) {
      return formatError(packet);
    }
    Message response = base(query);
    Header h = query.getHeader();
    Record question = query.getQuestion();
    if (h.getOpcode() != Opcode.QUERY) {
      return finish(response, Rcode.NOTIMP);
    }
    if (question == null || h.getCount(Section.QUESTION) != 1) {
      return finish(response, Rcode.FORMERR);
    }
    int qtype = question.getType();
    if (qtype == Type.AXFR || qtype == Type.IXFR) {
      return finish(response, Rcode.NOTIMP);
    }
    Name qname = question.getName();
    if (!qname.subdomain(domain)) {
      return outside(packet, response, maxBytes(query, tcp));
    }
    response.getHeader().setFlag(Flags.AA);
    Answer answer;
    try {
      answer = answers.answer(qname, qtype, QueryName.parse(labels(qname), qtype == Type.SRV));
    } catch (RuntimeException e) {
      LOG.debug("DNS query {} {} failed", qname, Type.string(qtype), e);
      answer = Answer.servfail();
    }
    if (answer.rcode() != Rcode.NOERROR || answer.units().isEmpty()) {
      if (answer.rcode() != Rcode.SERVFAIL) {
        response.addRecord(zone.soa(), Section.AUTHORITY);
      }
      return finish(response, answer.rcode());
    }
    List<AnswerUnit> units = answer.units();
    if (answer.addressQuery() && options.aRecordLimit() > 0
        && units.size() > options.aRecordLimit()) {
      units = units.subList(0, options.aRecordLimit());
    }
    int maxUnits = !tcp && query.getOPT() == null ? options.udpAnswerLimit() : Integer.MAX_VALUE;
    return ResponseSizer.fit(response, units, maxUnits, maxBytes(query, tcp),
        options.enableTruncate()).toWire();
  }

  /** Header (ID, RD, opcode), question and, if the query had EDNS, our OPT record. */
  private Message base(Message query) {
    Header h = query.getHeader();
    Message response = new Message(h.getID());
    Header rh = response.getHeader();
    rh.setFlag(Flags.QR);
    rh.setOpcode(h.getOpcode());
    if (h.getFlag(Flags.RD)) {
      rh.setFlag(Flags.RD);
    }
    if (recursors.enabled()) {
      rh.setFlag(Flags.RA); // RA only when we can recurse (§13.2)
    }
    Record question = query.getQuestion();
    if (question != null && h.getCount(Section.QUESTION) == 1) {
      response.addRecord(question, Section.QUESTION);
    }
    if (query.getOPT() != null) {
      response.addRecord(new OPTRecord(OUR_EDNS_SIZE, 0, 0), Section.ADDITIONAL);
    }
    return response;
  }

  private byte[] outside(byte[] packet, Message response, int maxBytes) {
    if (!recursors.enabled()) {
      return finish(response, Rcode.REFUSED);
    }
    byte[] reply = recursors.forward(packet);
    if (reply == null) {
      return finish(response, Rcode.SERVFAIL);
    }
    if (reply.length <= maxBytes) {
      return reply;
    }
    try {
      return new Message(reply).toWire(maxBytes); // dnsjava trims whole RRsets and sets TC
    } catch (IOException e) {
      return finish(response, Rcode.SERVFAIL);
    }
  }

  private static int maxBytes(Message query, boolean tcp) {
    if (tcp) {
      return TCP_MAX;
    }
    OPTRecord opt = query.getOPT();
    return opt == null ? UDP_PLAIN
        : Math.max(UDP_PLAIN, Math.min(UDP_EDNS_MAX, opt.getPayloadSize()));
  }

  private static byte[] finish(Message response, int rcode) {
    response.getHeader().setRcode(rcode);
    return response.toWire();
  }

  /** FORMERR echoing the ID and opcode of a packet whose header is all we could read. */
  private static byte[] formatError(byte[] packet) {
    Message m = new Message(((packet[0] & 0xff) << 8) | (packet[1] & 0xff));
    m.getHeader().setFlag(Flags.QR);
    m.getHeader().setOpcode((packet[2] >> 3) & 0x0f);
    m.getHeader().setRcode(Rcode.FORMERR);
    return m.toWire();
  }

  /** The labels before our domain, lower-cased: names are case-insensitive (§13). */
  private List<String> labels(Name qname) {
    Name relative = qname.relativize(domain);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < relative.labels(); i++) {
      out.add(relative.getLabelString(i).toLowerCase(Locale.ROOT));
    }
    return out;
  }
}
