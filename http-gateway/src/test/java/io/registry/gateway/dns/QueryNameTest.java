package io.registry.gateway.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** §13.1 name layouts, and the dns_config rules that are plain functions. */
class QueryNameTest {
  private static QueryName parse(String relative, boolean srv) {
    return QueryName.parse(relative.isEmpty() ? List.of() : Arrays.asList(relative.split("\\.")), srv);
  }

  @Test
  void serviceForms() {
    assertThat(parse("web.service", false))
        .extracting(QueryName::kind, QueryName::service, QueryName::tag, QueryName::datacenter)
        .containsExactly(QueryName.Kind.SERVICE, "web", null, null);
    assertThat(parse("a.b.web.service.dc1", false))
        .extracting(QueryName::service, QueryName::tag, QueryName::datacenter)
        .containsExactly("web", "a.b", "dc1");
    assertThat(parse("web.service.dc1.dc", false).datacenter()).isEqualTo("dc1");
    assertThat(parse("_web._v1.service", false).tag()).isEqualTo("v1");
    assertThat(parse("_web._tcp.service", false).tag()).isNull();
    assertThat(parse("_web._tcp", true).service()).isEqualTo("web");
    assertThat(parse("_web._tcp.dc2", true).datacenter()).isEqualTo("dc2");
    assertThat(parse("_web._tcp", false).kind()).isEqualTo(QueryName.Kind.NONE);
  }

  @Test
  void nodeAddrApexAndTheRest() {
    assertThat(parse("my.host.node", false).node()).isEqualTo("my.host");
    assertThat(parse("7f000001.addr.dc1", false).address()).containsExactly(127, 0, 0, 1);
    assertThat(parse("7f00001.addr.dc1", false).kind()).isEqualTo(QueryName.Kind.NONE);
    assertThat(parse("", false).kind()).isEqualTo(QueryName.Kind.APEX);
    for (String name : List.of("service", "node", "web.query", "web.connect", "x.y", "web")) {
      assertThat(parse(name, false).kind()).as(name).isEqualTo(QueryName.Kind.NONE);
    }
  }

  @Test
  void serviceTtlExactThenLongestPrefixThenStar() {
    DnsOptions o = new DnsOptions("consul", false, Map.of("web", Duration.ofSeconds(9),
        "w*", Duration.ofSeconds(2), "web-*", Duration.ofSeconds(3), "*", Duration.ofSeconds(1)),
        Duration.ZERO, 3, 0, false, List.of(), Duration.ofSeconds(2));
    assertThat(o.serviceTtlOf("WEB")).isEqualTo(Duration.ofSeconds(9));
    assertThat(o.serviceTtlOf("web-api")).isEqualTo(Duration.ofSeconds(3));
    assertThat(o.serviceTtlOf("worker")).isEqualTo(Duration.ofSeconds(2));
    assertThat(o.serviceTtlOf("db")).isEqualTo(Duration.ofSeconds(1));
    assertThat(DnsOptions.defaults().serviceTtlOf("db")).isZero();
  }

  @Test
  void txtOfNodeMetaFollowsRfc1464() {
    assertThat(NodeMetaTxt.strings("rack", "r1")).containsExactly("rack=r1");
    assertThat(NodeMetaTxt.strings("a=b", "c")).containsExactly("a`=b=c");
    assertThat(NodeMetaTxt.strings("rfc1035-x", "bare")).containsExactly("bare");
    assertThat(NodeMetaTxt.strings("k", "x".repeat(300))).hasSize(2);
  }
}
