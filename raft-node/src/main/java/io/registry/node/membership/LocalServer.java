package io.registry.node.membership;

import io.registry.node.rpc.proto.Identity;

/** This server as it introduces itself on every internal RPC. */
record LocalServer(
    String nodeId,
    String name,
    String datacenter,
    String rpcAddress,
    String raftAddress,
    int bootstrapExpect) {

  static final int PROTOCOL = 1;

  Identity identity(String clusterId, String raftPeerId) {
    return Identity.newBuilder()
        .setNodeId(nodeId)
        .setName(name)
        .setDatacenter(datacenter)
        .setClusterId(clusterId)
        .setBootstrapExpect(bootstrapExpect)
        .setRpcAddress(rpcAddress)
        .setRaftAddress(raftAddress)
        .setRaftPeerId(raftPeerId)
        .setProtocol(PROTOCOL)
        .setServer(true)
        .build();
  }

  ServerEntry entry(String raftPeerId) {
    return new ServerEntry(nodeId, name, rpcAddress, raftAddress, raftPeerId);
  }

  static ServerEntry entry(Identity id) {
    return new ServerEntry(id.getNodeId(), id.getName(), id.getRpcAddress(), id.getRaftAddress(),
        id.getRaftPeerId());
  }
}
