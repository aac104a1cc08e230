package io.registry.gateway.dns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;

/** dnsjava's stub resolver aimed at the server under test, one query per call. */
final class Dig {
  private final int port;

  Dig(int port) {
    this.port = port;
  }

  /** UDP without EDNS: the 512-byte, udp_answer_limit case. */
  Message udp(String name, int type) {
    return send(name, type, false, null);
  }

  Message udpEdns(String name, int type, int bufferSize) {
    return send(name, type, false, new OPTRecord(bufferSize, 0, 0));
  }

  Message tcp(String name, int type) {
    return send(name, type, true, null);
  }

  private Message send(String name, int type, boolean tcp, OPTRecord edns) {
    SimpleResolver resolver =
        new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    resolver.setTCP(tcp);
    resolver.setIgnoreTruncation(true); // the test looks at TC itself
    resolver.setTimeout(Duration.ofSeconds(5));
    resolver.setEDNS(edns);
    try {
      Name qname = Name.fromString(name.endsWith(".") ? name : name + ".");
      return resolver.send(Message.newQuery(Record.newRecord(qname, type, DClass.IN)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Record> answers(Message m) {
    return m.getSection(Section.ANSWER);
  }

  static List<Record> authority(Message m) {
    return m.getSection(Section.AUTHORITY);
  }

  static List<Record> additional(Message m) {
    return m.getSection(Section.ADDITIONAL);
  }
}
