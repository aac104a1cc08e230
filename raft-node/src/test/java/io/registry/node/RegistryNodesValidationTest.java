package io.registry.node;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.registry.node.config.NodeConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class RegistryNodesValidationTest {
  @TempDir Path dir;

  private NodeConfig config(boolean server, int expect, Path dataDir) {
    return new NodeConfig("n1", null, "dc1", dataDir, false, server, expect, "127.0.0.1",
        "127.0.0.1", 0, 0, 0, Map.of(), "info");
  }

  @Test
  void clientAgentsAreNotSupportedYet() {
    assertThatThrownBy(() -> RegistryNodes.start(config(false, 0, dir)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Client agents");
  }

  @Test
  void serverWithoutBootstrapExpectOrRetryJoinIsRefused() {
    assertThatThrownBy(() -> RegistryNodes.start(config(true, 0, dir)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-retry-join");
  }

  @Test
  void serverNeedsDataDir() {
    assertThatThrownBy(() -> RegistryNodes.start(config(true, 1, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("data-dir");
  }
}
