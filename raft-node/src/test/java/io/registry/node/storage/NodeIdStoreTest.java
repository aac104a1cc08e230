package io.registry.node.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class NodeIdStoreTest {
  @TempDir Path dir;

  @Test
  void generatesOnceThenKeepsTheId() throws Exception {
    String first = NodeIdStore.resolve(dir, null);
    assertThat(UUID.fromString(first).toString()).isEqualTo(first);
    assertThat(Files.readString(dir.resolve("node-id"), StandardCharsets.UTF_8)).isEqualTo(first);
    assertThat(NodeIdStore.resolve(dir, "")).isEqualTo(first);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(dir.resolve("node-id"));
    }
  }

  @Test
  void configuredIdIsPersistedAndMustNotChange() {
    String id = UUID.randomUUID().toString();
    assertThat(NodeIdStore.resolve(dir, id)).isEqualTo(id);
    assertThat(NodeIdStore.resolve(dir, null)).isEqualTo(id);
    assertThatThrownBy(() -> NodeIdStore.resolve(dir, UUID.randomUUID().toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("differs");
  }
}
