package io.registry.gateway.dns;

import static io.registry.gateway.dns.Dig.additional;
import static io.registry.gateway.dns.Dig.answers;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;

/** §13.4: answer counts and bytes per transport, and when TC is set. */
class DnsSizeTest {
  private static final int INSTANCES = 20;
  private static DnsFixture fixture;
  private static Dig plain;
  private static Dig truncating;
  private static Dig limited;

  @BeforeAll
  static void start() {
    fixture = DnsFixture.start("size-node");
    plain = fixture.dns(DnsOptions.defaults());
    truncating = fixture.dns(options(true, 0));
    limited = fixture.dns(options(false, 5));
    for (int i = 1; i <= INSTANCES; i++) {
      fixture.instance("big-node-with-a-longish-name-" + i, "10.1.0." + i, "big", "big-" + i,
          9000 + i, "", "passing");
    }
  }

  private static DnsOptions options(boolean truncate, int aRecordLimit) {
    return new DnsOptions("consul", false, Map.of(), Duration.ZERO, 3, aRecordLimit, truncate,
        List.of(), Duration.ofSeconds(2));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void udpWithoutEdnsGetsThreeRandomAnswersAndNoTcByDefault() {
    Message m = plain.udp("big.service.consul", Type.A);
    assertThat(answers(m)).hasSize(3);
    assertThat(m.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(m.toWire().length).isLessThanOrEqualTo(512);
    Message srv = plain.udp("big.service.consul", Type.SRV);
    assertThat(answers(srv)).hasSize(3);
    assertThat(additional(srv)).hasSize(3);
  }

  @Test
  void tcIsSetOnTrimmedAnswersOnlyWhenEnabled() {
    Message m = truncating.udp("big.service.consul", Type.A);
    assertThat(answers(m)).hasSize(3);
    assertThat(m.getHeader().getFlag(Flags.TC)).isTrue();
    Message all = truncating.udpEdns("big.service.consul", Type.A, 4096);
    assertThat(answers(all)).hasSize(INSTANCES);
    assertThat(all.getHeader().getFlag(Flags.TC)).isFalse();
  }

  @Test
  void ednsAllowsMoreAnswersUpToItsBufferSize() {
    assertThat(answers(plain.udpEdns("big.service.consul", Type.SRV, 4096))).hasSize(INSTANCES);
    Message small = truncating.udpEdns("big.service.consul", Type.SRV, 512);
    assertThat(small.toWire().length).isLessThanOrEqualTo(512);
    assertThat(answers(small)).hasSizeBetween(1, INSTANCES - 1);
    assertThat(small.getHeader().getFlag(Flags.TC)).isTrue();
    // Each SRV kept its target's address; no address is left without its SRV.
    Set<String> targets = answers(small).stream()
        .map(r -> ((SRVRecord) r).getTarget().toString()).collect(Collectors.toSet());
    assertThat(additional(small).stream().filter(r -> r.getType() == Type.A)
        .map(r -> r.getName().toString()).collect(Collectors.toSet())).isEqualTo(targets);
  }

  @Test
  void tcpGetsEveryAnswer() {
    Message m = plain.tcp("big.service.consul", Type.SRV);
    assertThat(answers(m)).hasSize(INSTANCES);
    assertThat(additional(m)).hasSize(INSTANCES);
  }

  @Test
  void aRecordLimitCapsAddressAnswersOnEveryTransport() {
    assertThat(answers(limited.tcp("big.service.consul", Type.A))).hasSize(5);
    assertThat(answers(limited.udpEdns("big.service.consul", Type.A, 4096))).hasSize(5);
    assertThat(answers(limited.tcp("big.service.consul", Type.SRV))).hasSize(INSTANCES);
  }

  @Test
  void answersAreShuffled() {
    List<List<Record>> seen = new java.util.ArrayList<>();
    for (int i = 0; i < 10; i++) {
      seen.add(answers(plain.tcp("big.service.consul", Type.A)));
    }
    assertThat(seen.stream().distinct().count()).isGreaterThan(1);
  }
}
