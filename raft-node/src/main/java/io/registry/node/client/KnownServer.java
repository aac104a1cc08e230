package io.registry.node.client;

import io.registry.node.rpc.proto.ServerInfo;

/** A server as a client agent knows it: name, internal RPC and HTTP addresses. */
record KnownServer(String nodeId, String name, String rpcAddress, String httpAddress) {
  static KnownServer of(ServerInfo info) {
    return new KnownServer(info.getNodeId(), info.getName(), info.getRpcAddress(),
        info.getHttpAddress());
  }
}
