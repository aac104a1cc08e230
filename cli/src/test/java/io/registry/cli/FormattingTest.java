package io.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.cli.catalog.CatalogNodes;
import io.registry.cli.catalog.CatalogServices;
import io.registry.cli.http.ConsulHttp;
import io.registry.cli.http.Json;
import io.registry.cli.kv.KvGet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tables and listings, byte for byte. */
class FormattingTest {
  private static JsonNode json(String text) {
    return Json.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void tableAlignsColumnsWithTwoSpacesAndNoTrailingBlanks() {
    String text = Table.columns("Node", "Address", "Status")
        .row("n1", "127.0.0.1:8301", "alive")
        .row("server-two", "10.0.0.2:8301", "")
        .render();
    assertThat(text).isEqualTo("""
        Node        Address         Status
        n1          127.0.0.1:8301  alive
        server-two  10.0.0.2:8301
        """);
  }

  @Test
  void membersServersFirstThenByName() {
    List<MembersCommand.Row> rows = List.of(
        new MembersCommand.Row("c1", "10.0.0.9:8301", "alive",
            Map.of("role", "node", "dc", "dc1", "build", "0.1.0:x", "vsn", "2")),
        new MembersCommand.Row("s2", "10.0.0.2:8301", "failed",
            Map.of("role", "consul", "dc", "dc1", "build", "0.1.0:x", "vsn", "2")),
        new MembersCommand.Row("s1", "10.0.0.1:8301", "alive",
            Map.of("role", "consul", "dc", "dc1", "build", "0.1.0:x", "vsn", "2")));
    assertThat(MembersCommand.standardTable(rows)).isEqualTo("""
        Node  Address        Status  Type    Build  Protocol  DC   Partition  Segment
        s1    10.0.0.1:8301  alive   server  0.1.0  2         dc1  default    <all>
        s2    10.0.0.2:8301  failed  server  0.1.0  2         dc1  default    <all>
        c1    10.0.0.9:8301  alive   client  0.1.0  2         dc1  default    <default>
        """);
    assertThat(MembersCommand.detailedTable(rows.subList(2, 3))).isEqualTo("""
        Node  Address        Status  Tags
        s1    10.0.0.1:8301  alive   build=0.1.0:x,dc=dc1,role=consul,vsn=2
        """);
    assertThat(MembersCommand.statusName(0)).isEqualTo("none");
    assertThat(MembersCommand.statusName(3)).isEqualTo("left");
  }

  @Test
  void infoSortsSectionsAndKeys() {
    JsonNode stats = json("""
        {"raft":{"term":"2","state":"Leader"},"agent":{"services":"1","checks":"0"}}""");
    assertThat(InfoCommand.render(stats)).isEqualTo(
        "agent:\n\tchecks = 0\n\tservices = 1\nraft:\n\tstate = Leader\n\tterm = 2\n");
  }

  @Test
  void kvDetailedBlock() {
    JsonNode pair = json("""
        {"Key":"k","Value":"dmFs","Flags":18446744073709551615,"LockIndex":0,
         "CreateIndex":3,"ModifyIndex":4}""");
    assertThat(KvGet.detailedEntry(pair, false)).isEqualTo("""
        CreateIndex      3
        Flags            18446744073709551615
        Key              k
        LockIndex        0
        ModifyIndex      4
        Session          -
        Value            val
        """);
  }

  @Test
  void catalogNodesShortensIds() {
    List<CatalogNodes.NodeRow> rows = List.of(
        new CatalogNodes.NodeRow("n2", "", "10.0.0.2", "dc1", Map.of(), Map.of()),
        new CatalogNodes.NodeRow("n1", "8f0c3b7e-1f6a-4c43-9f52-8b7e3a0c9d11", "10.0.0.1",
            "dc1", Map.of("lan", "10.0.0.1"), Map.of()));
    assertThat(CatalogNodes.render(rows, false)).isEqualTo("""
        Node  ID        Address   DC
        n1    8f0c3b7e  10.0.0.1  dc1
        n2              10.0.0.2  dc1
        """);
  }

  @Test
  void catalogServicesWithTags() {
    assertThat(CatalogServices.render(Map.of("web", Set.of("v1"), "consul", Set.of()), true))
        .isEqualTo("consul\nweb     v1\n");
    assertThat(CatalogServices.render(Map.of("web", Set.of("v1")), false)).isEqualTo("web\n");
  }

  @Test
  void addressesAndEscaping() {
    assertThat(ConsulHttp.baseUri("127.0.0.1:8500").toString()).isEqualTo("http://127.0.0.1:8500");
    assertThat(ConsulHttp.baseUri("https://h:1/").toString()).isEqualTo("https://h:1");
    assertThat(ConsulHttp.baseUri(null).toString()).isEqualTo("http://127.0.0.1:8500");
    assertThatThrownBy(() -> ConsulHttp.baseUri("unix:///tmp/s")).isInstanceOf(CliException.class);
    assertThat(ConsulHttp.escapePath("a/b c?d#é")).isEqualTo("a/b%20c%3Fd%23%C3%A9");
    assertThat(ConsulHttp.escapeQuery("a/b")).isEqualTo("a%2Fb");
  }

  @Test
  void clientOptionsReadConsulEnvironment() {
    ClientOptions options = new ClientOptions();
    options.env = Map.of("CONSUL_HTTP_ADDR", "http://10.0.0.1:8500", "CONSUL_HTTP_TOKEN", "t");
    assertThat(options.address()).isEqualTo("http://10.0.0.1:8500");
    assertThat(options.token()).isEqualTo("t");
    options.httpAddr = "127.0.0.1:1";
    options.token = "flag";
    assertThat(options.address()).isEqualTo("127.0.0.1:1");
    assertThat(options.token()).isEqualTo("flag");
    assertThat(options.query()).isEmpty();
    options.stale = true;
    assertThat(options.query("recurse")).isEqualTo("?recurse&stale");
  }
}
