package io.registry.node.api;

import java.util.List;

/**
 * Implemented by a client agent, which holds no catalog: where its HTTP gateway forwards
 * every request that is not agent-local. Servers do not implement it.
 */
public interface ServerLocator {
  /** HTTP addresses (host:port) of the known servers, in the order to try them. */
  List<String> serverHttpAddresses();
}
