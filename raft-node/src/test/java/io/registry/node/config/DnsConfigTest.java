package io.registry.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DNS keys of config files (§14.3): read, merged across files, refused when wrong. */
class DnsConfigTest {
  @TempDir Path dir;

  private LoadedConfig load(String... jsons) throws IOException {
    for (int i = 0; i < jsons.length; i++) {
      Files.writeString(dir.resolve(i + ".json"), jsons[i]);
    }
    return ConfigLoader.load(List.of(dir));
  }

  @Test
  void readsPortsAddressesDomainRecursorsAndDnsConfig() throws IOException {
    LoadedConfig c = load("""
        {"ports": {"dns": 8653}, "addresses": {"dns": "127.0.0.2"}, "domain": "internal",
         "recursors": ["10.0.0.53"], "alt_domain": "x",
         "dns_config": {"only_passing": true, "service_ttl": {"*": "5s", "web": "30s"},
           "node_ttl": "10s", "udp_answer_limit": 5, "a_record_limit": 2,
           "enable_truncate": true, "recursor_timeout": "1s", "allow_stale": true}}""",
        """
        {"recursors": ["10.0.0.54:5353"], "dns_config": {"service_ttl": {"db": "1s"}}}""");
    DnsFileSettings d = c.settings().dns();
    assertThat(d.port()).isEqualTo(8653);
    assertThat(d.address()).isEqualTo("127.0.0.2");
    assertThat(d.domain()).isEqualTo("internal");
    assertThat(d.recursors()).containsExactly("10.0.0.53", "10.0.0.54:5353");
    assertThat(d.onlyPassing()).isTrue();
    assertThat(d.serviceTtl()).isEqualTo(Map.of("*", Duration.ofSeconds(5),
        "web", Duration.ofSeconds(30), "db", Duration.ofSeconds(1)));
    assertThat(d.nodeTtl()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.udpAnswerLimit()).isEqualTo(5);
    assertThat(d.aRecordLimit()).isEqualTo(2);
    assertThat(d.enableTruncate()).isTrue();
    assertThat(d.recursorTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.warnings()).anyMatch(w -> w.endsWith("dns_config.allow_stale"))
        .anyMatch(w -> w.endsWith("alt_domain"));
  }

  @Test
  void noDnsKeysLeaveEverythingUnset() throws IOException {
    assertThat(load("{\"node_name\": \"a\"}").settings().dns()).isEqualTo(DnsFileSettings.NONE);
  }

  @Test
  void wrongDnsValuesAndUnknownKeysAreRefusedByName() {
    assertThatThrownBy(() -> load("{\"dns_config\": {\"bogus\": 1}}"))
        .hasMessageContaining("invalid config key dns_config.bogus");
    assertThatThrownBy(() -> load("{\"dns_config\": {\"udp_answer_limit\": 0}}"))
        .hasMessageContaining("dns_config.udp_answer_limit");
    assertThatThrownBy(() -> load("{\"dns_config\": {\"service_ttl\": {\"web\": \"soon\"}}}"))
        .hasMessageContaining("dns_config.service_ttl.web");
    assertThatThrownBy(() -> load("{\"ports\": {\"dns\": 70000}}"))
        .hasMessageContaining("ports.dns");
    assertThatThrownBy(() -> load("{\"recursors\": \"10.0.0.53\"}"))
        .hasMessageContaining("recursors");
  }
}
