package io.registry.node.api;

import io.registry.catalog.Catalog;
import io.registry.catalog.command.Command;
import io.registry.catalog.model.ApplyResult;
import io.registry.node.agent.LocalAgent;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The node-facing interface the gateways use. They know nothing of Ratis: they propose
 * commands, read the catalog in a consistency mode, park on watch keys, and talk to the
 * local agent.
 */
public interface RegistryNode extends AutoCloseable {

  /** Who this node is. */
  NodeIdentity self();

  /**
   * Proposes a command through Raft. Completes after it is committed (fsynced on a quorum)
   * and applied, with what apply answered. Fails with {@link NoLeaderException} when there
   * is no leader, {@link CommandTooLargeException} when the encoded command is over the limit.
   */
  CompletableFuture<ApplyResult> write(Command command);

  /**
   * Runs a read against the catalog in a consistency mode: DEFAULT on the leader's state,
   * CONSISTENT after a ReadIndex round, STALE on the local replica. Fails with
   * {@link NoLeaderException} for DEFAULT and CONSISTENT when there is no leader.
   */
  <T> CompletableFuture<T> read(Consistency consistency, Function<Catalog, T> query);

  /** See {@link Catalog#watch}: completes once the key's index is above seenIndex. */
  CompletableFuture<Void> watch(String watchKey, long seenIndex);

  /** Leader, peers, contact and index facts for headers, /v1/status and /v1/agent/self. */
  RaftStatus raftStatus();

  /** The members this node knows, servers first then by name. */
  List<Member> members();

  /** Services and checks registered with this agent. */
  LocalAgent agent();

  /**
   * Leaves the cluster gracefully (PUT /v1/agent/leave): the member becomes "left"; a server
   * hands leadership over and leaves the Raft group first. Then completes
   * {@link #shutdownRequested()}, which the process running this node waits on to exit.
   */
  void leave();

  /**
   * PUT /v1/agent/leave[?force]: leaves the cluster now, blocking until this node is out, and
   * returns the step that shuts the process down, for the caller to run once its answer is
   * out. A server whose removal the quorum rule refuses, or that finds no leader, throws and
   * keeps running as before; with {@code force} it shuts down anyway, left in the Raft conf.
   * Nodes without a blocking leave run {@link #leave()} as that step.
   *
   * @throws IllegalStateException "leave refused: ..." or "leave failed: ..."
   */
  default Runnable leave(boolean force) {
    return this::leave;
  }

  /**
   * DELETE /v1/operator/raft/peer: removes the Raft peer with this id, or else this address
   * (exactly one is non-empty), at the leader, under the quorum rule; writes its member left.
   *
   * @throws IllegalArgumentException when no peer has that id or address
   * @throws IllegalStateException when the removal is refused
   */
  default void removePeer(String id, String address) {
    throw new IllegalStateException("remove-peer is answered by servers only");
  }

  /**
   * PUT /v1/agent/join/:address, `registry join` (docs/cluster.md "Join"): a running agent
   * hellos {@code address} (host:port of a server port); it counts when a formed cluster
   * answers and that cluster is this node's own.
   *
   * @throws IllegalStateException with the plain reason: unreachable, still forming, or the
   *     other side's refusal (cluster id or datacenter mismatch)
   */
  default void join(String address) {
    throw new IllegalStateException("join is answered by cluster agents only");
  }

  /**
   * force-leave (consul-api.md sec. 4.1): a failed member becomes "left" (a server leaves
   * the Raft configuration first); prune also removes its member row.
   *
   * @throws IllegalArgumentException for an unknown node
   * @throws IllegalStateException when the node is alive or the change was refused
   */
  default void forceLeave(String node, boolean prune) {
    // Client agents and test doubles hold no membership to change; a client's HTTP gateway
    // forwards PUT /v1/agent/force-leave to a server instead of calling this.
    throw new IllegalStateException("force-leave is answered by servers only");
  }

  /**
   * Re-reads the configuration (PUT /v1/agent/reload, SIGHUP, §4.1) through the hook the
   * process installed with {@link #onReload}; without one there is nothing to re-read and
   * this succeeds. Calls are serialised.
   *
   * @throws ReloadException naming file, key and reason; the running configuration is kept
   */
  void reload();

  /** Installs what {@link #reload()} runs: the owner of the config files re-reads them. */
  void onReload(Runnable hook);

  /** Completes once this node has left and its process should shut down. */
  CompletableFuture<Void> shutdownRequested();

  /** Stops the node; acknowledged writes are already on disk. */
  @Override
  void close();
}
