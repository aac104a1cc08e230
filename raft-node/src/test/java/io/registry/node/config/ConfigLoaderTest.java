package io.registry.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.registry.catalog.model.Weights;
import io.registry.node.agent.AgentCheckSpec;
import io.registry.node.agent.AgentServiceSpec;
import io.registry.node.agent.FileService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading config files (§14): syntax, key spellings, merge order and refusals. */
class ConfigLoaderTest {
  /** The seed tutorial's file, exactly as written, with its end-of-line comment. */
  static final String SEED = """
      {"service": {"name": "web", "tags": ["extract"], "address": "127.0.0.1", "port": 9000,
      "check": {"id": "api", //any name
      "name": "HTTP API on port 9000", "http": "http://localhost:9000", "interval": "10s", "timeout": "1s"}}}
      """;

  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private LoadedConfig loadDir() {
    return ConfigLoader.load(List.of(dir));
  }

  private String refusal(String json) throws IOException {
    write("bad.json", json);
    try {
      loadDir();
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("accepted: " + json);
  }

  @Test
  void seedTutorialFileLoadsAsWritten() throws IOException {
    write("web.json", SEED);
    LoadedConfig c = loadDir();
    assertThat(c.definitions().services()).hasSize(1);
    AgentServiceSpec web = c.definitions().services().get(0).spec();
    assertThat(web.name()).isEqualTo("web");
    assertThat(web.tags()).containsExactly("extract");
    assertThat(web.address()).isEqualTo("127.0.0.1");
    assertThat(web.port()).isEqualTo(9000);
    AgentCheckSpec api = web.checks().get(0);
    assertThat(api.id()).isEqualTo("api");
    assertThat(api.name()).isEqualTo("HTTP API on port 9000");
    assertThat(api.http()).isEqualTo("http://localhost:9000");
    assertThat(api.interval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(api.timeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.warnings()).isEmpty();
  }

  @Test
  void blockCommentsAndTrailingCommasAreAccepted() throws IOException {
    write("a.json", "/* node */ {\"node_name\": \"n1\", \"retry_join\": [\"a\",],}");
    assertThat(loadDir().settings().nodeName()).isEqualTo("n1");
  }

  @Test
  void camelCaseLowerCaseAndSnakeCaseNameTheSameKey() throws IOException {
    write("a.json", """
        {"Services": [{"Name": "api", "ID": "api-1", "enableTagOverride": true,
          "TaggedAddresses": {"wan": {"Address": "203.0.113.5", "Port": 80}},
          "weights": {"Passing": 10, "warning": 2}, "Meta": {"Team_X": "a"},
          "Checks": [{"CheckID": "c1", "TTL": "30s", "DeregisterCriticalServiceAfter": "90m"},
                     {"id": "c2", "ScriptArgs": ["/bin/true"], "interval": "5s",
                      "Header": {"X-A": ["1"]}, "GRPCUseTLS": true}]}],
         "NodeName": "n1", "enablelocalscriptchecks": true, "Ports": {"HTTP": 18500}}""");
    LoadedConfig c = loadDir();
    AgentServiceSpec api = c.definitions().services().get(0).spec();
    assertThat(api.id()).isEqualTo("api-1");
    assertThat(api.enableTagOverride()).isTrue();
    assertThat(api.weights()).isEqualTo(new Weights(10, 2));
    assertThat(api.meta()).containsEntry("Team_X", "a"); // the user's own keys stay as written
    assertThat(api.taggedAddresses().get("wan").port()).isEqualTo(80);
    assertThat(api.checks().get(0).deregisterCriticalServiceAfter())
        .isEqualTo(Duration.ofMinutes(90));
    assertThat(api.checks().get(1).args()).containsExactly("/bin/true");
    assertThat(api.checks().get(1).header()).isEqualTo(Map.of("X-A", List.of("1")));
    assertThat(api.checks().get(1).grpcUseTls()).isTrue();
    assertThat(c.settings().nodeName()).isEqualTo("n1");
    assertThat(c.settings().enableLocalScriptChecks()).isTrue();
    assertThat(c.settings().httpPort()).isEqualTo(18500);
  }

  @Test
  void laterFilesOverrideScalarsAppendListsAndMergeMaps() throws IOException {
    write("a.json", """
        {"node_name": "a", "log_level": "debug", "retry_join": ["x"], "node_meta": {"k1": "1"},
         "service": {"name": "one"}, "ports": {"http": 1, "server": 2}}""");
    write("b.json", """
        {"node_name": "b", "retry_join": ["y"], "node_meta": {"k2": "2"},
         "services": [{"name": "two"}], "ports": {"http": 3}}""");
    write("c.txt", "not read: only *.json");
    write("sub/d.json", "{\"node_name\": \"not read: sub-directories are skipped\"}");
    LoadedConfig c = loadDir();
    assertThat(c.files()).extracting(p -> p.getFileName().toString())
        .containsExactly("a.json", "b.json");
    assertThat(c.settings().nodeName()).isEqualTo("b");
    assertThat(c.settings().logLevel()).isEqualTo("debug");
    assertThat(c.settings().retryJoin()).containsExactly("x", "y");
    assertThat(c.settings().nodeMeta()).containsEntry("k1", "1").containsEntry("k2", "2");
    assertThat(c.settings().httpPort()).isEqualTo(3);
    assertThat(c.settings().serverPort()).isEqualTo(2);
    assertThat(c.definitions().services()).extracting(FileService::id)
        .containsExactly("one", "two");
  }

  @Test
  void pathsAreReadInCommandLineOrder() throws IOException {
    Path z = write("z.json", "{\"node_name\": \"z\"}");
    Path a = write("a.json", "{\"node_name\": \"a\"}");
    assertThat(ConfigLoader.load(List.of(z, a)).settings().nodeName()).isEqualTo("a");
    assertThat(ConfigLoader.load(List.of(a, z)).settings().nodeName()).isEqualTo("z");
  }

  @Test
  void unknownKeyIsNamedWithItsFile() throws IOException {
    assertThat(refusal("{\"service\": {\"name\": \"w\", \"prot\": 80}}"))
        .contains("bad.json").contains("invalid config key service.prot");
    assertThat(refusal("{\"bogus\": true}")).contains("bad.json: bogus: invalid config key bogus");
  }

  @Test
  void knownButUnimplementedKeysAreAcceptedWithAWarning() throws IOException {
    write("a.json", "{\"telemetry\": {\"prometheus_retention_time\": \"1m\"}, \"ui_dir\": \"/x\"}");
    assertThat(loadDir().warnings()).hasSize(2).allMatch(w -> w.contains("a.json"));
  }

  @Test
  void uiIsReadFromUiConfigOrTheOlderTopLevelKey() throws IOException {
    write("a.json", "{\"ui\": true}");
    assertThat(loadDir().settings().ui()).isTrue();
    write("a.json", "{\"ui\": true, \"ui_config\": {\"enabled\": false}}");
    assertThat(loadDir().settings().ui()).isFalse();
    write("a.json", "{\"ui_config\": {\"enabled\": true, \"content_path\": \"/ui/\"}}");
    LoadedConfig loaded = loadDir();
    assertThat(loaded.settings().ui()).isTrue();
    assertThat(loaded.warnings()).hasSize(1).allMatch(w -> w.contains("content_path"));
    assertThat(refusal("{\"ui_config\": {\"enabeld\": true}}")).contains("ui_config.enabeld");
  }

  @Test
  void hclFileGetsAClearError() throws IOException {
    write("a.hcl", "service { name = \"web\" }");
    assertThatThrownBy(this::loadDir).isInstanceOf(ConfigException.class)
        .hasMessageContaining("a.hcl").hasMessageContaining("HCL")
        .hasMessageContaining("JSON");
  }

  @Test
  void notJsonIsRefusedWithFileAndLine() throws IOException {
    assertThat(refusal("{\"service\": {\"name\": \"web\"\n \"port\": 1}}"))
        .contains("bad.json").contains("not valid JSON").contains("line 2");
    assertThat(refusal("[1, 2]")).contains("bad.json").contains("JSON object");
  }

  @Test
  void badDurationsAreNamedByField() throws IOException {
    for (String bad : List.of("0s", "-1s", "10")) {
      assertThat(refusal("{\"service\": {\"name\": \"w\", \"check\": {\"tcp\": \"h:1\","
          + " \"interval\": \"" + bad + "\"}}}"))
          .as(bad).contains("bad.json: service.check.interval:").contains(bad);
    }
    assertThat(refusal("{\"check\": {\"name\": \"c\", \"ttl\": 30}}"))
        .contains("check.ttl").contains("duration string");
  }

  @Test
  void reconnectTimeoutBelowOneMinuteIsRefusedByKey() throws IOException {
    assertThat(refusal("{\"reconnect_timeout\": \"30s\"}"))
        .contains("bad.json: reconnect_timeout:").contains("at least 1m");
    write("bad.json", "{\"reconnect_timeout\": \"1m\"}");
    assertThat(loadDir().settings().reconnectTimeout()).isEqualTo(java.time.Duration.ofMinutes(1));
  }

  @Test
  void tcpAddressWithoutPortIsNamed() throws IOException {
    assertThat(refusal("{\"check\": {\"name\": \"c\", \"tcp\": \"localhost\", \"interval\": \"5s\"}}"))
        .contains("bad.json: check.tcp:").contains("no port");
  }

  @Test
  void httpCheckUrlThatIsNotAUrlIsNamed() throws IOException {
    assertThat(refusal("{\"check\": {\"name\": \"c\", \"http\": \"localhost:9000/health\","
        + " \"interval\": \"5s\"}}")).contains("bad.json: check.http:");
    assertThat(refusal("{\"check\": {\"name\": \"c\", \"http\": \"http://\", \"interval\": \"5s\"}}"))
        .contains("bad.json: check.http:").contains("not a URL");
  }

  @Test
  void checkForAnUnknownServiceIsRefused() throws IOException {
    assertThat(refusal("{\"check\": {\"name\": \"c\", \"ttl\": \"5s\", \"service_id\": \"nope\"}}"))
        .contains("bad.json: check.service_id").contains("unknown service \"nope\"");
  }

  @Test
  void theAgentsOwnRulesApply() throws IOException {
    assertThat(refusal("{\"service\": {\"port\": 1}}")).contains("service: Missing service name");
    assertThat(refusal("{\"check\": {\"name\": \"c\", \"ttl\": \"5s\", \"interval\": \"5s\"}}"))
        .contains("Interval and TTL cannot both be specified");
    assertThat(refusal("{\"services\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}"))
        .contains("duplicate service ID \"a\"");
  }

  @Test
  void encryptIsRefusedRatherThanRunningUnencrypted() throws IOException {
    assertThat(refusal("{\"encrypt\": \"abc\"}")).contains("encrypt").contains("not supported");
  }

  @Test
  void missingPathIsNamed() {
    assertThatThrownBy(() -> ConfigLoader.load(List.of(dir.resolve("nope.json"))))
        .hasMessageContaining("nope.json").hasMessageContaining("no such file");
  }
}
