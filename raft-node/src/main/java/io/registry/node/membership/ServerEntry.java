package io.registry.node.membership;

import io.registry.node.rpc.proto.ServerInfo;

/** A server as the membership layer knows it: identity, RPC and Raft addresses, peer id. */
public record ServerEntry(
    String nodeId, String name, String rpcAddress, String raftAddress, String raftPeerId) {

  public ServerEntry {
    raftPeerId = raftPeerId == null ? "" : raftPeerId;
  }

  static ServerEntry of(ServerInfo info) {
    return new ServerEntry(info.getNodeId(), info.getName(), info.getRpcAddress(),
        info.getRaftAddress(), info.getRaftPeerId());
  }

  ServerInfo toProto() {
    return ServerInfo.newBuilder()
        .setNodeId(nodeId)
        .setName(name)
        .setRpcAddress(rpcAddress)
        .setRaftAddress(raftAddress)
        .setRaftPeerId(raftPeerId)
        .build();
  }
}
