package io.registry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client verbs against a fake agent: requests sent, output printed, exit codes. */
class ClientVerbsTest {
  private final FakeAgent agent = new FakeAgent();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  @TempDir Path tmp;

  @AfterEach
  void close() {
    agent.close();
  }

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    int depth = switch (all.get(0)) {
      case "kv", "catalog", "services" -> 2;
      case "operator" -> 3;
      default -> 1;
    };
    all.add(depth, "-http-addr=http://" + agent.address() + "/");
    Console console = new Console(new PrintStream(out, true), new PrintStream(err, true));
    return Main.run(console, all.toArray(String[]::new));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void kvGetMissingKey() {
    assertThat(run("kv", "get", "missing")).isEqualTo(1);
    assertThat(err()).isEqualTo("Error! No key exists at: missing\n");
    assertThat(out()).isEmpty();
  }

  @Test
  void kvGetPrintsTheDecodedValue() {
    agent.reply("GET /v1/kv/a/b%20c", 200,
        "[{\"Key\":\"a/b c\",\"Value\":\"aGVsbG8=\",\"Flags\":0,\"LockIndex\":0,"
            + "\"CreateIndex\":5,\"ModifyIndex\":7}]");
    assertThat(run("kv", "get", "/a/b c")).isZero();
    assertThat(out()).isEqualTo("hello\n");
  }

  @Test
  void kvGetKeysUsesTheSeparator() {
    agent.reply("GET /v1/kv/app/", 200, "[\"app/a\",\"app/dir/\"]");
    assertThat(run("kv", "get", "-keys", "app/")).isZero();
    assertThat(agent.last().query()).isEqualTo("keys&separator=%2F");
    assertThat(out()).isEqualTo("app/a\napp/dir/\n");
  }

  @Test
  void kvPutSendsFlagsCasTokenAndDatacenter() throws IOException {
    agent.reply("PUT /v1/kv/k", 200, "true");
    Path file = Files.writeString(tmp.resolve("v.txt"), "from file");
    assertThat(run("kv", "put", "-flags=42", "-cas", "-modify-index=9", "-token=secret",
        "-datacenter=dc1", "k", "@" + file)).isZero();
    assertThat(out()).isEqualTo("Success! Data written to: k\n");
    FakeAgent.Request r = agent.last();
    assertThat(r.query()).isEqualTo("flags=42&cas=9&dc=dc1");
    assertThat(r.body()).isEqualTo("from file");
    assertThat(r.token()).isEqualTo("secret");
  }

  @Test
  void kvPutBase64AndCasFailure() {
    agent.reply("PUT /v1/kv/k", 200, "false");
    assertThat(run("kv", "put", "-base64", "-cas", "k", "aGk=")).isEqualTo(1);
    assertThat(agent.last().body()).isEqualTo("hi");
    assertThat(agent.last().query()).isEqualTo("cas=0");
    assertThat(err()).isEqualTo("Error! Did not write to k: CAS failed\n");
  }

  @Test
  void kvPutModifyIndexWithoutCasIsRefused() {
    assertThat(run("kv", "put", "-modify-index=3", "k", "v")).isEqualTo(1);
    assertThat(err()).contains("Cannot specify -modify-index without -cas!");
    assertThat(agent.requests).isEmpty();
  }

  @Test
  void kvDeleteRecurse() {
    agent.reply("DELETE /v1/kv/p/", 200, "true");
    assertThat(run("kv", "delete", "-recurse", "p/")).isZero();
    assertThat(agent.last().query()).isEqualTo("recurse");
    assertThat(out()).isEqualTo("Success! Deleted keys with prefix: p/\n");
  }

  @Test
  void httpErrorsNameStatusAndBody() {
    agent.reply("GET /v1/catalog/services", 500, "No cluster leader");
    assertThat(run("catalog", "services", "-stale")).isEqualTo(1);
    assertThat(agent.last().query()).isEqualTo("stale");
    assertThat(err()).isEqualTo(
        "Error querying Consul agent: Unexpected response code: 500 (No cluster leader)\n");
  }

  @Test
  void membersWithNoMatchIsExitTwo() {
    agent.reply("GET /v1/agent/members", 200, """
        [{"Name":"n1","Addr":"127.0.0.1","Port":8301,"Status":1,
          "Tags":{"role":"consul","dc":"dc1","build":"0.1.0:abc","vsn":"2"}}]""");
    assertThat(run("members", "-status=fail.*")).isEqualTo(2);
    assertThat(out()).isEmpty();
    assertThat(run("members", "-status=alive")).isZero();
    assertThat(out()).contains("n1    127.0.0.1:8301  alive   server  0.1.0  2         dc1");
  }

  @Test
  void membersDetailedShowsTheReapDeadlineOfAFailedMember() {
    agent.reply("GET /v1/agent/members", 200, """
        [{"Name":"c7","Addr":"127.0.0.1","Port":0,"Status":4,
          "Tags":{"role":"node","reap_at":"2025-01-04T10:00:00Z"}}]""");
    assertThat(run("members", "-detailed")).isZero();
    assertThat(out()).contains("c7").contains("failed")
        .contains("reap_at=2025-01-04T10:00:00Z");
  }

  @Test
  void servicesRegisterFromFileTranslatesCheckIds() throws IOException {
    agent.reply("PUT /v1/agent/service/register", 200, "");
    Path file = Files.writeString(tmp.resolve("s.json"), """
        {"services": [{"name": "web", "port": 80, "check": {"id": "c1", "ttl": "10s"}},
                      {"name": "db", "id": "db-1", "checks": [{"id": "c2", "tcp": "x:1"}]}]}""");
    assertThat(run("services", "register", file.toString())).isZero();
    assertThat(out()).isEqualTo("Registered service: web\nRegistered service: db\n");
    assertThat(agent.requests).hasSize(2);
    assertThat(agent.requests.get(0).body()).contains("\"CheckID\":\"c1\"")
        .doesNotContain("\"id\"");
    assertThat(agent.requests.get(1).body()).contains("\"CheckID\":\"c2\"");
  }

  @Test
  void servicesRegisterFromFlagsAndDeregister() {
    agent.reply("PUT /v1/agent/service/register", 200, "");
    agent.reply("PUT /v1/agent/service/deregister/web-1", 200, "");
    assertThat(run("services", "register", "-name=web", "-id=web-1", "-port=80", "-tag=a",
        "-tag=b")).isZero();
    assertThat(agent.last().body())
        .isEqualTo("{\"Name\":\"web\",\"ID\":\"web-1\",\"Port\":80,\"Tags\":[\"a\",\"b\"]}");
    assertThat(run("services", "deregister", "-id=web-1")).isZero();
    assertThat(out()).endsWith("Deregistered service: web-1\n");
  }

  @Test
  void leaveAndDatacenters() {
    agent.reply("PUT /v1/agent/leave", 200, "");
    agent.reply("GET /v1/catalog/datacenters", 200, "[\"dc1\",\"dc2\"]");
    assertThat(run("leave")).isZero();
    assertThat(run("catalog", "datacenters")).isZero();
    assertThat(out()).isEqualTo("Graceful leave complete\ndc1\ndc2\n");
  }

  @Test
  void forceLeaveSendsPruneAndFailsWithTheAgentsText() {
    agent.reply("PUT /v1/agent/force-leave/n3", 200, "");
    assertThat(run("force-leave", "-prune", "n3")).isZero();
    assertThat(agent.last().query()).isEqualTo("prune");
    assertThat(out()).isEmpty();
    agent.reply("PUT /v1/agent/force-leave/n1", 500, "node n1 is alive; run leave on it");
    assertThat(run("force-leave", "n1")).isEqualTo(1);
    assertThat(err()).contains("node n1 is alive; run leave on it");
  }

  @Test
  void forceLeaveNeedsANode() {
    assertThat(run("force-leave")).isEqualTo(1);
    assertThat(agent.requests).isEmpty();
  }

  @Test
  void operatorRaftListPeersPrintsOneRowPerServer() {
    agent.reply("GET /v1/operator/raft/configuration", 200, """
        {"Servers":[{"ID":"p1","Node":"n1","Address":"127.0.0.1:8300","Leader":true,
        "Voter":true,"ProtocolVersion":"3","LastIndex":9},{"ID":"p22","Node":"n2",
        "Address":"127.0.0.1:8301","Leader":false,"Voter":true,"ProtocolVersion":"3",
        "LastIndex":9}],"Index":9}""");
    assertThat(run("operator", "raft", "list-peers", "-stale")).isZero();
    assertThat(agent.last().query()).isEqualTo("stale");
    assertThat(out()).isEqualTo("""
        Node  ID   Address         State     Voter  RaftProtocol
        n1    p1   127.0.0.1:8300  leader    true   3
        n2    p22  127.0.0.1:8301  follower  true   3
        """);
  }
}
