package io.registry.gateway.dns;

import static io.registry.gateway.dns.Dig.answers;
import static io.registry.gateway.dns.Dig.authority;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/** dns_config, -domain and -recursor against one node with several DNS servers. */
class DnsOptionsTest {
  private static DnsFixture fixture;
  private static LoopbackResolver upstream;
  private static LoopbackResolver silent;

  @BeforeAll
  static void start() {
    fixture = DnsFixture.start("opt-node");
    upstream = LoopbackResolver.start(new byte[] {(byte) 192, 0, 2, 1});
    silent = LoopbackResolver.start(null);
    fixture.instance("o-a", "10.2.0.1", "web", "web-1", 80, "", "passing");
    fixture.instance("o-b", "10.2.0.2", "web", "web-2", 80, "", "warning");
    fixture.instance("o-c", "10.2.0.3", "west", "west-1", 80, "", "passing");
    fixture.instance("o-d", "10.2.0.4", "db", "db-1", 80, "", "passing");
  }

  @AfterAll
  static void stop() {
    fixture.close();
    upstream.close();
    silent.close();
  }

  private static DnsOptions options(String domain, boolean onlyPassing, List<LoopbackResolver> recursors) {
    return new DnsOptions(domain, onlyPassing,
        Map.of("web", Duration.ofSeconds(10), "we*", Duration.ofSeconds(5), "*", Duration.ofSeconds(1)),
        Duration.ofSeconds(30), 3, 0, false,
        recursors.stream().map(LoopbackResolver::address).toList(), Duration.ofMillis(300));
  }

  @Test
  void onlyPassingDropsWarningInstances() {
    assertThat(answers(fixture.dns(DnsOptions.defaults()).udp("web.service.consul", Type.A)))
        .hasSize(2);
    assertThat(answers(fixture.dns(options("consul", true, List.of()))
        .udp("web.service.consul", Type.A))).hasSize(1);
  }

  @Test
  void ttlsFromServiceTtlAndNodeTtl() {
    Dig dig = fixture.dns(options("consul", false, List.of()));
    assertThat(answers(dig.udp("web.service.consul", Type.A)).get(0).getTTL()).isEqualTo(10);
    assertThat(answers(dig.udp("west.service.consul", Type.A)).get(0).getTTL()).isEqualTo(5);
    assertThat(answers(dig.udp("db.service.consul", Type.A)).get(0).getTTL()).isEqualTo(1);
    assertThat(answers(dig.udp("o-d.node.consul", Type.A)).get(0).getTTL()).isEqualTo(30);
  }

  @Test
  void customDomain() {
    Dig dig = fixture.dns(options("Registry.Internal.", false, List.of()));
    assertThat(answers(dig.udp("db.service.registry.internal", Type.A))).hasSize(1);
    assertThat(answers(dig.udp("db.service.dc1.REGISTRY.internal", Type.A))).hasSize(1);
    assertThat(dig.udp("db.service.consul", Type.A).getRcode()).isEqualTo(Rcode.REFUSED);
    Message nx = dig.udp("nope.service.registry.internal", Type.A);
    assertThat(((SOARecord) authority(nx).get(0)).getName().toString())
        .isEqualTo("registry.internal.");
  }

  @Test
  void namesOutsideTheDomainGoToTheRecursorsInOrder() {
    Dig dig = fixture.dns(options("consul", false, List.of(silent, upstream)));
    Message m = dig.udp("www.example.org", Type.A);
    assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(answers(m)).singleElement()
        .satisfies(r -> assertThat(r.rdataToString()).isEqualTo("192.0.2.1"));
    assertThat(m.getHeader().getFlag(Flags.RA)).isTrue();
    assertThat(silent.queries()).isPositive();
    // Our own names are still ours, answered with RA since we can recurse.
    Message own = dig.udp("db.service.consul", Type.A);
    assertThat(own.getHeader().getFlag(Flags.AA)).isTrue();
    assertThat(own.getHeader().getFlag(Flags.RA)).isTrue();
  }

  @Test
  void allRecursorsFailingIsServfail() {
    Dig dig = fixture.dns(options("consul", false, List.of(silent)));
    assertThat(dig.udp("www.example.org", Type.A).getRcode()).isEqualTo(Rcode.SERVFAIL);
  }
}
