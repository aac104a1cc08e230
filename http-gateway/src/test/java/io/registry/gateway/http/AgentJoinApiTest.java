package io.registry.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.registry.node.api.RegistryNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PUT /v1/agent/join/:address on a dev node, which belongs to a cluster of its own: the
 * node's reason comes back as a 500, and ?wan is refused before anything is contacted.
 * Joins that succeed are covered in raft-node's RejoinTest.
 */
class AgentJoinApiTest {
  private static RegistryNode node;
  private static HttpGateway gw;
  private static Http http;

  @BeforeAll
  static void start() {
    node = TestNodes.start();
    gw = HttpGateway.start(node, "127.0.0.1", 0, false);
    http = new Http(gw.port());
  }

  @AfterAll
  static void stop() {
    gw.close();
    node.close();
  }

  @Test
  void aDevNodeRefusesToJoinWithItsReason() {
    HttpResponse<String> r = http.put("/v1/agent/join/127.0.0.1:8300", "");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).contains("cannot join another");
  }

  @Test
  void wanJoinIsNotSupported() {
    HttpResponse<String> r = http.put("/v1/agent/join/127.0.0.1:8302?wan=1", "");
    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body()).isEqualTo("WAN join is not supported: this registry has no WAN pool");
  }

  @Test
  void joinIsPutOnly() {
    HttpResponse<String> r = http.get("/v1/agent/join/127.0.0.1");
    assertThat(r.statusCode()).isEqualTo(405);
  }
}
