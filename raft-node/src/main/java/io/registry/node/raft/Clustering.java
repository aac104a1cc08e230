package io.registry.node.raft;

import io.registry.catalog.Catalog;
import io.registry.catalog.command.Command;
import io.registry.node.api.Member;
import java.util.List;
import org.apache.ratis.protocol.RaftPeerId;

/**
 * The multi-server part of a node, plugged into {@link RaftRegistryNode} by the membership
 * layer; absent for dev and -bootstrap-expect=1 nodes, which behave as before.
 */
public interface Clustering extends AutoCloseable {
  /** Ratis is started; a joining server asks the leader to add it here. Blocks until done. */
  void raftStarted(RaftHandle raft);

  /** What this server writes about itself once a leader is known (cluster id, member row). */
  List<Command> selfCommands();

  /** The node has served its first request; periodic jobs (heartbeats) start here. */
  void serving();

  /** The internal RPC address ("ip:port") of a Raft peer, "" when unknown. */
  String serverAddressOf(RaftPeerId peer);

  /** Every member row of the replicated catalog, servers first then by name. */
  List<Member> members(Catalog catalog);

  /**
   * Graceful leave of this server (membership.md sec. 3); returns once out of the conf, or,
   * with force, once the removal was refused or no leader answered.
   *
   * @throws IllegalStateException "leave refused: ..." or "leave failed: ..."
   */
  void leave(boolean force);

  /** `registry join ADDR` on a running server: see RegistryNode#join. */
  void join(String address);

  /** force-leave of a failed member (membership.md sec. 3); see RegistryNode. */
  void forceLeave(String node, boolean prune);

  /** DELETE /v1/operator/raft/peer; see RegistryNode. */
  void removePeer(String id, String address);

  @Override
  void close();
}
