package io.registry.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.cli.CliException;
import io.registry.cli.http.ConsulHttp;
import io.registry.cli.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Config files through real processes: the seed's file at start, `registry reload` and
 * SIGHUP applying only the edited file, `registry validate`, and TTL checks (HTTP and file)
 * that keep their status across a restart.
 */
class ConfigFilesIT {
  private static final String SEED = """
      {"service": {"name": "web", "tags": ["extract"], "address": "127.0.0.1", "port": 9000,
      "check": {"id": "api", //any name
      "name": "HTTP API on port 9000", "http": "http://localhost:9000", "interval": "10s", "timeout": "1s"}}}
      """;
  private static final Duration BOUND = Duration.ofSeconds(30);

  @TempDir Path tmp;
  private AgentProcess agent;

  @AfterEach
  void stop() {
    if (agent != null) {
      agent.close();
    }
  }

  private Path configDir() throws IOException {
    return Files.createDirectories(tmp.resolve("conf"));
  }

  private static JsonNode get(ConsulHttp http, String path) {
    return Json.parse(http.get(path).orFail("GET " + path).body());
  }

  private static long modifyIndex(ConsulHttp http, String service) {
    JsonNode rows = get(http, "/v1/catalog/service/" + service);
    return rows.size() == 1 ? rows.get(0).path("ModifyIndex").asLong() : -1;
  }

  private static int port(ConsulHttp http, String service) {
    JsonNode rows = get(http, "/v1/catalog/service/" + service);
    return rows.size() == 1 ? rows.get(0).path("ServicePort").asInt() : -1;
  }

  @Test
  void seedFileLoadsAndReloadAppliesOnlyTheEditedFile() throws Exception {
    Path conf = configDir();
    Files.writeString(conf.resolve("web.json"), SEED);
    Files.writeString(conf.resolve("db.json"), "{\"service\": {\"name\": \"db\", \"port\": 5432}}");
    agent = AgentProcess.startAgent(tmp.resolve("logs"), AgentProcess.freePort(),
        "-dev", "-config-dir", conf.toString()).awaitLeader();
    ConsulHttp http = agent.http();

    await().atMost(BOUND).ignoreException(CliException.class)
        .until(() -> port(http, "web") == 9000 && port(http, "db") == 5432);
    JsonNode web = get(http, "/v1/catalog/service/web").get(0);
    assertThat(Json.text(web, "ServiceAddress")).isEqualTo("127.0.0.1");
    assertThat(web.path("ServiceTags").toString()).isEqualTo("[\"extract\"]");
    JsonNode api = get(http, "/v1/agent/checks").get("api");
    assertThat(Json.text(api, "Name")).isEqualTo("HTTP API on port 9000");
    assertThat(Json.text(api, "ServiceID")).isEqualTo("web");
    long webIndex = modifyIndex(http, "web");
    long dbIndex = modifyIndex(http, "db");

    Files.writeString(conf.resolve("db.json"), "{\"service\": {\"name\": \"db\", \"port\": 6543}}");
    CliRun reload = CliRun.run(tmp.resolve("cli"), "reload", "-http-addr", agent.httpAddr());
    assertThat(reload.exitCode()).as(reload.err()).isZero();
    assertThat(reload.out()).contains("Configuration reload triggered");
    await().atMost(BOUND).until(() -> port(http, "db") == 6543);
    assertThat(modifyIndex(http, "db")).isGreaterThan(dbIndex);
    assertThat(modifyIndex(http, "web")).isEqualTo(webIndex);

    // SIGHUP reloads too.
    Files.writeString(conf.resolve("db.json"), "{\"service\": {\"name\": \"db\", \"port\": 7654}}");
    hangUp(agent.pid());
    await().atMost(BOUND).until(() -> port(http, "db") == 7654);
    assertThat(modifyIndex(http, "web")).isEqualTo(webIndex);
    assertThat(agent.process().isAlive()).isTrue();

    // A bad file: refused with its reason, the running configuration stays.
    Files.writeString(conf.resolve("db.json"), "{\"service\": {\"name\": \"db\", \"prot\": 1}}");
    CliRun refused = CliRun.run(tmp.resolve("cli"), "reload", "-http-addr", agent.httpAddr());
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("500").contains("db.json")
        .contains("invalid config key service.prot");
    assertThat(port(http, "db")).isEqualTo(7654);
  }

  @Test
  void validateAcceptsTheSeedAndNamesABadKey() throws Exception {
    Path conf = configDir();
    Files.writeString(conf.resolve("web.json"), SEED);
    CliRun ok = CliRun.run(tmp.resolve("cli"), "validate", conf.toString());
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("Configuration is valid!");

    Files.writeString(conf.resolve("x.json"), "{\"check\": {\"name\": \"c\", \"interval\": \"0s\","
        + " \"tcp\": \"localhost:1\"}}");
    CliRun bad = CliRun.run(tmp.resolve("cli"), "validate", conf.toString());
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).contains("x.json").contains("check.interval").contains("0s");
  }

  /**
   * Must show 2 through real processes: a TTL check registered over HTTP and one defined in
   * a config file are both still passing after a restart, with the output they had. That the
   * time left is kept (not a fresh TTL, not expired) has no HTTP view; AgentPersistenceTest
   * and FileTtlResumeTest show it on a fake clock.
   */
  @Test
  void ttlChecksKeepTheirStatusAcrossARestart() throws IOException {
    Path dataDir = tmp.resolve("data");
    Path conf = configDir();
    Files.writeString(conf.resolve("disk.json"),
        "{\"check\": {\"id\": \"disk\", \"name\": \"disk\", \"ttl\": \"60s\"}}");
    AgentProcess.Ports ports = AgentProcess.Ports.free();
    agent = startServer(dataDir, conf, ports);
    ConsulHttp http = agent.http();
    http.put("/v1/agent/check/register", "{\"Name\": \"beat\", \"TTL\": \"60s\"}"
        .getBytes(StandardCharsets.UTF_8)).orFail("registering");
    http.put("/v1/agent/check/pass/beat?note=alive", new byte[0]).orFail("passing");
    http.put("/v1/agent/check/pass/disk?note=roomy", new byte[0]).orFail("passing");
    assertThat(Json.text(get(http, "/v1/agent/checks").get("beat"), "Status"))
        .isEqualTo("passing");

    agent.close(); // SIGTERM
    agent = startServer(dataDir, conf, ports);
    JsonNode checks = get(agent.http(), "/v1/agent/checks");
    assertThat(Json.text(checks.get("beat"), "Status")).isEqualTo("passing");
    assertThat(Json.text(checks.get("beat"), "Output")).isEqualTo("alive");
    assertThat(Json.text(checks.get("disk"), "Status")).isEqualTo("passing");
    assertThat(Json.text(checks.get("disk"), "Output")).isEqualTo("roomy");
  }

  /** AgentProcess.startServer's single server, with a config dir. */
  private AgentProcess startServer(Path dataDir, Path conf, AgentProcess.Ports ports) {
    return AgentProcess.startAgent(tmp.resolve("logs"), ports.http(), "-server",
        "-bootstrap-expect=1", "-data-dir", dataDir.toString(), "-node", "n1",
        "-bind", "127.0.0.1", "-server-port", Integer.toString(ports.server()),
        "-raft-port", Integer.toString(ports.raft()),
        "-config-dir", conf.toString()).awaitLeader();
  }

  private static void hangUp(long pid) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(pid)).start();
    try {
      assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(kill.exitValue()).isZero();
    } finally {
      kill.destroyForcibly();
    }
  }
}
