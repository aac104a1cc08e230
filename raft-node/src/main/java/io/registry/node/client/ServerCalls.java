package io.registry.node.client;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.StatusRuntimeException;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.CommandResult;
import io.registry.catalog.model.ApplyResult;
import io.registry.node.api.NoLeaderException;
import io.registry.node.rpc.RefusedException;
import io.registry.node.agent.NodeRows;
import io.registry.node.rpc.NodeRowsCodec;
import io.registry.node.rpc.RpcClients;
import io.registry.node.rpc.proto.ClusterGrpc;
import io.registry.node.rpc.proto.ForwardReply;
import io.registry.node.rpc.proto.ForwardRequest;
import io.registry.node.rpc.proto.HeartbeatReply;
import io.registry.node.rpc.proto.HeartbeatRequest;
import io.registry.node.rpc.proto.Identity;
import io.registry.node.rpc.proto.NodeRowsRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client agent's internal RPCs to the servers, with failover (membership.md sec. 4): a
 * call moves to the next server after a connect failure, a deadline, or "no leader"; the
 * whole attempt has a budget, so a leader election looks like latency, not like an error.
 */
final class ServerCalls {
  private static final Logger LOG = LoggerFactory.getLogger(ServerCalls.class);
  /** Consul's rpc_hold_timeout: how long one write may look for a server with a leader. */
  static final Duration BUDGET = Duration.ofSeconds(7);
  private static final Duration CALL_DEADLINE = Duration.ofSeconds(5);
  private static final Duration BEAT_DEADLINE = Duration.ofSeconds(1);

  private final RpcClients rpc;
  private final ServerSet servers;
  private final Supplier<Identity> identity;
  private final LongSupplier nanoTime;
  private long seq;

  ServerCalls(RpcClients rpc, ServerSet servers, Supplier<Identity> identity,
      LongSupplier nanoTime) {
    this.rpc = rpc;
    this.servers = servers;
    this.identity = identity;
    this.nanoTime = nanoTime;
  }

  /**
   * Proposes {@code command} through some server's RaftClient. A retry after a deadline may
   * apply a command twice; catalog writes are idempotent (same rows, no index move).
   *
   * @throws NoLeaderException when no server with a leader answered within the budget
   * @throws NoServersException when no server is known at all
   */
  ApplyResult forward(Command command) {
    ForwardRequest request = ForwardRequest.newBuilder().setFrom(identity.get())
        .setCommand(command.toByteString()).build();
    return withFailover((address, stub) -> {
      ForwardReply reply = stub.forward(request);
      try {
        CommandResult r = CommandResult.parseFrom(reply.getResult());
        return new ApplyResult(r.getOk(), r.getValue(), r.getError(), reply.getIndex());
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("undecodable reply from " + address, e);
      }
    });
  }

  /**
   * This node's catalog rows from some server's replica (anti-entropy), with the same
   * failover as writes.
   */
  NodeRows nodeRows() {
    NodeRowsRequest request = NodeRowsRequest.newBuilder().setFrom(identity.get()).build();
    return withFailover((address, stub) ->
        NodeRowsCodec.decode(identity.get().getName(), stub.nodeRows(request)));
  }

  /** One call on one server: may throw StatusRuntimeException to move on to the next. */
  private interface Call<T> {
    T on(String address, ClusterGrpc.ClusterBlockingStub stub);
  }

  private <T> T withFailover(Call<T> call) {
    long deadline = nanoTime.getAsLong() + BUDGET.toNanos();
    RuntimeException last = null;
    while (true) {
      List<String> order = servers.rpcAddresses(false);
      if (order.isEmpty()) {
        throw new NoServersException();
      }
      for (String address : order) {
        try {
          return call.on(address, rpc.to(address, CALL_DEADLINE));
        } catch (StatusRuntimeException e) {
          RuntimeException t = RpcClients.translate(e);
          if (t instanceof RefusedException refused) {
            throw refused;
          }
          LOG.debug("Call to {} failed: {}", address, e.getStatus());
          last = t;
        }
      }
      if (nanoTime.getAsLong() - deadline > 0) {
        throw last instanceof NoLeaderException nl ? nl : new NoLeaderException();
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
    }
  }

  // Set by the last beat: the server that answered asked this client to announce itself.
  private volatile boolean unknownMember;

  /** Whether the last beat's answer asked for a fresh alive write (reaped, or node gone). */
  boolean unknownToCluster() {
    return unknownMember;
  }

  /**
   * One heartbeat: to the leader when known (only the leader judges liveness), else to the
   * servers in order until one answers; every reply names the leader for the next beat.
   * Answers whether some server heard it.
   */
  boolean beat() {
    unknownMember = false;
    HeartbeatRequest request =
        HeartbeatRequest.newBuilder().setFrom(identity.get()).setSeq(++seq).build();
    for (String address : servers.rpcAddresses(true)) {
      try {
        HeartbeatReply reply = rpc.to(address, BEAT_DEADLINE).heartbeat(request);
        servers.leader(reply.getLeaderRpcAddress());
        if (reply.getAnnounceAgain()) {
          unknownMember = true;
        }
        if (reply.getLeaderRpcAddress().isEmpty() || reply.getLeaderRpcAddress().equals(address)) {
          return true;
        }
        // A follower answered: the leader it names gets the next beat; give it this one too.
        rpc.to(reply.getLeaderRpcAddress(), BEAT_DEADLINE).heartbeat(request);
        return true;
      } catch (StatusRuntimeException e) {
        LOG.debug("Heartbeat to {} failed: {}", address, e.getStatus());
        if (address.equals(servers.leader())) {
          servers.leader("");
        }
      }
    }
    return false;
  }
}
