package io.registry.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client verbs as separate processes against one running server process. */
class CliIT {
  @TempDir static Path tmp;
  private static AgentProcess agent;

  @BeforeAll
  static void startAgent() {
    agent = AgentProcess.startServer(tmp.resolve("data"), tmp.resolve("logs"),
        AgentProcess.Ports.free());
    agent.awaitLeader();
  }

  @AfterAll
  static void stopAgent() {
    if (agent != null) {
      agent.close();
    }
  }

  private static CliRun registry(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    // Client flags go right after the verb path, as with consul: `kv get -http-addr=.. key`.
    all.add(verbDepth(all), "-http-addr=" + agent.httpAddr());
    return CliRun.run(tmp.resolve("cli"), all.toArray(String[]::new));
  }

  private static int verbDepth(List<String> args) {
    return switch (args.get(0)) {
      case "kv", "catalog", "services" -> 2;
      default -> 1;
    };
  }

  @Test
  void kvPutGetDelete() {
    CliRun put = registry("kv", "put", "app/config", "hello world");
    assertThat(put.exitCode()).as(put.err()).isZero();
    assertThat(put.out()).isEqualTo("Success! Data written to: app/config\n");

    CliRun get = registry("kv", "get", "app/config");
    assertThat(get.exitCode()).as(get.err()).isZero();
    assertThat(get.out()).isEqualTo("hello world\n");

    CliRun detailed = registry("kv", "get", "-detailed", "app/config");
    assertThat(detailed.out()).contains("Key              app/config")
        .contains("Session          -").contains("Value            hello world");

    CliRun delete = registry("kv", "delete", "app/config");
    assertThat(delete.exitCode()).isZero();
    assertThat(delete.out()).isEqualTo("Success! Deleted key: app/config\n");

    CliRun gone = registry("kv", "get", "app/config");
    assertThat(gone.exitCode()).isEqualTo(1);
  }

  @Test
  void missingKeyIsExitOneWithConsulsMessage() {
    CliRun run = registry("kv", "get", "missing");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("Error! No key exists at: missing\n");
  }

  @Test
  void recurseKeysAndPrefixDelete() {
    registry("kv", "put", "tree/a", "1");
    registry("kv", "put", "tree/b/c", "2");
    assertThat(registry("kv", "get", "-recurse", "tree/").out())
        .isEqualTo("tree/a:1\ntree/b/c:2\n");
    assertThat(registry("kv", "get", "-keys", "tree/").out()).isEqualTo("tree/a\ntree/b/\n");
    CliRun delete = registry("kv", "delete", "-recurse", "tree/");
    assertThat(delete.out()).isEqualTo("Success! Deleted keys with prefix: tree/\n");
    assertThat(registry("kv", "get", "-recurse", "tree/").out()).isEmpty();
  }

  @Test
  void casOnAnExistingKeyFailsWithExitOne() {
    registry("kv", "put", "cas/key", "v1");
    CliRun run = registry("kv", "put", "-cas", "-modify-index=0", "cas/key", "v2");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("Error! Did not write to cas/key: CAS failed\n");
    assertThat(registry("kv", "get", "cas/key").out()).isEqualTo("v1\n");
  }

  @Test
  void servicesRegisterShowsInCatalogAndDeregisters() throws IOException {
    CliRun register = registry("services", "register", "-name", "web", "-port", "80",
        "-tag", "v1");
    assertThat(register.exitCode()).as(register.err()).isZero();
    assertThat(register.out()).isEqualTo("Registered service: web\n");

    Path file = tmp.resolve("api.json");
    Files.writeString(file, """
        {"service": {"name": "api", "id": "api-1", "port": 9090,
          "check": {"id": "api-ttl", "ttl": "30s"}}}""");
    CliRun fromFile = registry("services", "register", file.toString());
    assertThat(fromFile.exitCode()).as(fromFile.err()).isZero();
    assertThat(fromFile.out()).isEqualTo("Registered service: api\n");

    CliRun services = registry("catalog", "services", "-tags");
    assertThat(services.exitCode()).isZero();
    assertThat(services.out()).containsPattern("(?m)^web +v1$").containsPattern("(?m)^api$")
        .containsPattern("(?m)^consul");

    CliRun deregister = registry("services", "deregister", "-id", "web");
    assertThat(deregister.out()).isEqualTo("Deregistered service: web\n");
    CliRun deregisterFile = registry("services", "deregister", file.toString());
    assertThat(deregisterFile.out()).isEqualTo("Deregistered service: api-1\n");
  }

  @Test
  void catalogNodesAndDatacenters() {
    CliRun nodes = registry("catalog", "nodes");
    assertThat(nodes.exitCode()).as(nodes.err()).isZero();
    assertThat(nodes.out()).startsWith("Node").containsPattern("(?m)^n1 +[0-9a-f-]{8} +\\S+ +dc1$");
    assertThat(registry("catalog", "nodes", "-service=consul").out())
        .containsPattern("(?m)^n1 +[0-9a-f-]{8} +\\S+ +dc1$");
    assertThat(registry("catalog", "datacenters").out()).isEqualTo("dc1\n");
  }

  @Test
  void membersInfoAndStatusFilter() {
    CliRun members = registry("members");
    assertThat(members.exitCode()).as(members.err()).isZero();
    assertThat(members.out()).startsWith("Node")
        .containsPattern("(?m)^n1 +\\S+:\\d+ +alive +server +\\S+ +\\S+ +dc1 +default +<all>$");
    assertThat(registry("members", "-status=failed").exitCode()).isEqualTo(2);

    CliRun info = registry("info");
    assertThat(info.exitCode()).as(info.err()).isZero();
    assertThat(info.out()).contains("raft:\n").contains("consul:\n").contains("\tstate = ");
  }

  @Test
  void unreachableAgentIsExitOne() {
    CliRun run = CliRun.run(tmp.resolve("cli"), "kv", "get",
        "-http-addr=http://127.0.0.1:" + AgentProcess.freePort(), "k");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("Error connecting to agent");
  }
}
