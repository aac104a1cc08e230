package io.registry.gateway.dns;

import static io.registry.gateway.dns.Dig.additional;
import static io.registry.gateway.dns.Dig.answers;
import static io.registry.gateway.dns.Dig.authority;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** Names and answers of §13.1–13.3 through dnsjava's resolver, default options. */
class DnsAnswersTest {
  private static DnsFixture fixture;
  private static Dig dig;

  @BeforeAll
  static void start() {
    fixture = DnsFixture.start("dns-node");
    dig = fixture.dns(DnsOptions.defaults());
    fixture.instance("n-a", "10.0.0.1", "web", "web-1", 8080, "\"v1\",\"Primary\"", "passing");
    fixture.instance("n-b", "10.0.0.2", "web", "web-2", 8081, "\"v2\"", "passing");
    fixture.instance("n-c", "10.0.0.3", "web", "web-3", 8082, "\"v1\"", "critical");
    fixture.instance("n-d", "10.0.0.4", "broken", "broken-1", 9000, "", "critical");
    fixture.register("""
        {"Node":"n-a","Address":"10.0.0.1",
         "Service":{"Service":"api","ID":"api-1","Address":"10.9.9.9","Port":7000,
                    "Weights":{"Passing":7,"Warning":2}},
         "Check":{"CheckID":"api-check","Name":"a","Status":"warning","ServiceID":"api-1"}}""");
    fixture.register("""
        {"Node":"n-b","Address":"10.0.0.2",
         "Service":{"Service":"ext","ID":"ext-1","Address":"backend.example.org","Port":443}}""");
    // Last: a catalog register replaces the node's meta with what it carries.
    fixture.register("""
        {"Node":"n-a","Address":"10.0.0.1","NodeMeta":{"rack":"r1","rfc1035-note":"plain"}}""");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static List<String> addresses(Message m) {
    return answers(m).stream().filter(r -> r instanceof ARecord)
        .map(r -> ((ARecord) r).getAddress().getHostAddress()).sorted().toList();
  }

  @Test
  void aRecordsOfTheHealthyInstancesOnly() {
    Message m = dig.udp("web.service.consul", Type.A);
    assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(m.getHeader().getFlag(Flags.RA)).isFalse();
    assertThat(addresses(m)).containsExactly("10.0.0.1", "10.0.0.2");
    assertThat(answers(m)).allSatisfy(r -> assertThat(r.getTTL()).isZero());
  }

  @Test
  void srvPointsAtNodeNamesWithTheirAddressesAsAdditional() {
    Message m = dig.udp("web.service.consul", Type.SRV);
    List<SRVRecord> srv = answers(m).stream().map(r -> (SRVRecord) r).toList();
    assertThat(srv).extracting(r -> r.getTarget().toString())
        .containsExactlyInAnyOrder("n-a.node.dc1.consul.", "n-b.node.dc1.consul.");
    assertThat(srv).extracting(SRVRecord::getPort).containsExactlyInAnyOrder(8080, 8081);
    assertThat(srv).allSatisfy(r -> {
      assertThat(r.getPriority()).isEqualTo(1);
      assertThat(r.getWeight()).isEqualTo(1);
    });
    assertThat(additional(m)).extracting(r -> r.getName() + " " + r.rdataToString())
        .containsExactlyInAnyOrder("n-a.node.dc1.consul. 10.0.0.1", "n-b.node.dc1.consul. 10.0.0.2");
  }

  @Test
  void serviceAddressGivesAnAddrTargetAndWarningWeight() {
    Message m = dig.udp("api.service.dc1.consul", Type.SRV);
    SRVRecord srv = (SRVRecord) answers(m).get(0);
    assertThat(srv.getTarget().toString()).isEqualTo("0a090909.addr.dc1.consul.");
    assertThat(srv.getWeight()).isEqualTo(2);
    assertThat(additional(m).get(0).rdataToString()).isEqualTo("10.9.9.9");
    assertThat(addresses(dig.udp("0a090909.addr.dc1.consul", Type.A))).containsExactly("10.9.9.9");
    assertThat(addresses(dig.udp("api.service.consul", Type.A))).containsExactly("10.9.9.9");
  }

  @Test
  void tagFilterAndRfc2782Forms() {
    assertThat(addresses(dig.udp("v1.web.service.consul", Type.A))).containsExactly("10.0.0.1");
    assertThat(addresses(dig.udp("primary.web.service.consul", Type.A))).containsExactly("10.0.0.1");
    assertThat(addresses(dig.udp("v2.web.service.consul", Type.A))).containsExactly("10.0.0.2");
    assertThat(dig.udp("v9.web.service.consul", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(answers(dig.udp("_web._v2.service.consul", Type.SRV))).hasSize(1);
    assertThat(answers(dig.udp("_web._tcp.service.consul", Type.SRV))).hasSize(2);
    assertThat(answers(dig.udp("_web._tcp.consul", Type.SRV))).hasSize(2);
    assertThat(answers(dig.udp("_web._tcp.dc1.consul", Type.SRV))).hasSize(2);
    // Leaving out "service" is for SRV queries only.
    assertThat(dig.udp("_web._tcp.consul", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void nodeAddressAndMetaAsTxt() {
    assertThat(addresses(dig.udp("n-a.node.consul", Type.A))).containsExactly("10.0.0.1");
    assertThat(addresses(dig.udp("n-a.node.dc1.consul", Type.A))).containsExactly("10.0.0.1");
    Message txt = dig.udp("n-a.node.consul", Type.TXT);
    assertThat(answers(txt)).extracting(r -> ((TXTRecord) r).getStrings().get(0))
        .containsExactlyInAnyOrder("rack=r1", "plain");
    assertThat(dig.udp("nobody.node.consul", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void nxdomainWithSoaForUnknownAndForNoHealthyInstance() {
    for (String name : List.of("nothing.service.consul", "broken.service.consul",
        "web.service.dc2.consul", "web.connect.consul", "a.b.c.consul")) {
      Message m = dig.udp(name, Type.A);
      assertThat(m.getRcode()).as(name).isEqualTo(Rcode.NXDOMAIN);
      assertThat(answers(m)).as(name).isEmpty();
      SOARecord soa = (SOARecord) authority(m).get(0);
      assertThat(soa.getName().toString()).isEqualTo("consul.");
      assertThat(soa.getHost().toString()).isEqualTo("ns.consul.");
      assertThat(soa.getAdmin().toString()).isEqualTo("hostmaster.consul.");
      assertThat(soa.getSerial()).isPositive();
    }
  }

  @Test
  void wrongTypeIsNoerrorEmptyWithSoa() {
    for (int type : new int[] {Type.AAAA, Type.TXT, Type.MX}) {
      Message m = dig.udp("web.service.consul", type);
      assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
      assertThat(answers(m)).isEmpty();
      assertThat(authority(m)).singleElement().isInstanceOf(SOARecord.class);
    }
  }

  @Test
  void hostNameAddressesBecomeCnames() {
    Message m = dig.udp("ext.service.consul", Type.A);
    assertThat(answers(m)).singleElement().isInstanceOf(CNAMERecord.class);
    assertThat(((CNAMERecord) answers(m).get(0)).getTarget().toString())
        .isEqualTo("backend.example.org.");
  }

  @Test
  void namesAreCaseInsensitive() {
    assertThat(addresses(dig.udp("WEB.Service.CONSUL", Type.A)))
        .containsExactly("10.0.0.1", "10.0.0.2");
    assertThat(addresses(dig.udp("N-A.NODE.consul", Type.A))).containsExactly("10.0.0.1");
  }

  @Test
  void soaAndNsOfTheDomain() {
    assertThat(answers(dig.udp("consul", Type.SOA))).singleElement().isInstanceOf(SOARecord.class);
    Message ns = dig.udp("consul", Type.NS);
    assertThat(answers(ns)).singleElement().satisfies(r ->
        assertThat(((NSRecord) r).getTarget().toString()).isEqualTo("dns-node.node.dc1.consul."));
    assertThat(additional(ns)).extracting(Record::rdataToString).containsExactly("127.0.0.1");
  }

  @Test
  void tcpAnswersToo() {
    assertThat(answers(dig.tcp("web.service.consul", Type.SRV))).hasSize(2);
  }

  @Test
  void outsideTheDomainWithoutRecursorIsRefused() {
    Message m = dig.udp("example.org", Type.A);
    assertThat(m.getRcode()).isEqualTo(Rcode.REFUSED);
    assertThat(answers(m)).isEmpty();
  }

  @Test
  void aCheckGoingCriticalRemovesTheRecord() {
    fixture.instance("n-e", "10.0.0.5", "pay", "pay-1", 80, "", "passing");
    fixture.instance("n-f", "10.0.0.6", "pay", "pay-2", 80, "", "passing");
    assertThat(addresses(dig.udp("pay.service.consul", Type.A))).hasSize(2);
    fixture.instance("n-e", "10.0.0.5", "pay", "pay-1", 80, "", "critical");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(addresses(dig.udp("pay.service.consul", Type.A))).containsExactly("10.0.0.6"));
    fixture.instance("n-f", "10.0.0.6", "pay", "pay-2", 80, "", "critical");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(dig.udp("pay.service.consul", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN));
  }
}
