package io.registry.node.raft;

import io.registry.catalog.command.CheckRow;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.NodeRow;
import io.registry.catalog.command.Register;
import io.registry.catalog.command.ServiceRow;
import io.registry.node.api.NodeIdentity;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog rows a server writes about itself at start, shaped like Consul's: the node with
 * its serfHealth check, and the "consul" service. Re-proposing them unchanged moves no index.
 */
public final class SelfRegistration {
  public static final String SERF_CHECK_ID = "serfHealth";
  /** The service every server registers on its own node. */
  public static final String CONSUL_SERVICE_ID = "consul";

  private SelfRegistration() {}

  public static List<Command> commands(NodeIdentity self, int serverPort) {
    NodeRow node = nodeRow(self);
    CheckRow serf =
        CheckRow.newBuilder()
            .setCheckId(SERF_CHECK_ID)
            .setName("Serf Health Status")
            .setStatus("passing")
            .setOutput("Agent alive and reachable")
            .setType("")
            .build();
    ServiceRow consul =
        ServiceRow.newBuilder()
            .setId(CONSUL_SERVICE_ID)
            .setName("consul")
            .setPort(serverPort)
            .setWeightPassing(1)
            .setWeightWarning(1)
            .build();
    Command nodeAndCheck =
        Command.newBuilder()
            .setRegister(Register.newBuilder().setNode(node).addChecks(serf))
            .build();
    Command service =
        Command.newBuilder()
            .setRegister(Register.newBuilder().setNode(node).setService(consul))
            .build();
    return List.of(nodeAndCheck, service);
  }

  public static NodeRow nodeRow(NodeIdentity self) {
    String addr = self.advertiseAddress();
    Map<String, String> meta = new HashMap<>(self.meta());
    meta.put("consul-network-segment", "");
    return NodeRow.newBuilder()
        .setId(self.nodeId())
        .setName(self.nodeName())
        .setAddress(addr)
        .setDatacenter(self.datacenter())
        .putAllTaggedAddresses(
            Map.of("lan", addr, "lan_ipv4", addr, "wan", addr, "wan_ipv4", addr))
        .putAllMeta(meta)
        .build();
  }
}
