package io.registry.node.raft;

import io.registry.catalog.Catalog;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.CommandResult;
import io.registry.catalog.model.ApplyResult;
import io.registry.node.api.CommandTooLargeException;
import io.registry.node.api.NoLeaderException;
import io.registry.node.config.RaftTuning;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;

/**
 * The node's Ratis client side: writes, ReadIndex rounds, and the client itself, rebuilt
 * when the group's configuration no longer matches the peers it was built with (pitfall P6:
 * a client only reaches the peers of its build-time group).
 */
final class RaftIo implements AutoCloseable {
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
  private final RaftProperties props;
  private final RaftTuning tuning;
  private final RaftPeerId selfPeerId;
  // The live group (the division's current conf), or null before the division exists.
  private final Supplier<RaftGroup> liveGroup;
  private final RaftGroup fallbackGroup;
  private final ExecutorService callbacks;
  // Guarded by this: the client and the peer ids it was built for.
  private RaftClient client;
  private Set<RaftPeerId> clientPeers = Set.of();
  // Replaced clients may still carry requests; closed with the node.
  private final List<RaftClient> retired = new ArrayList<>();
  private volatile boolean closed;

  RaftIo(RaftProperties props, RaftTuning tuning, RaftPeerId selfPeerId,
      Supplier<RaftGroup> liveGroup, RaftGroup fallbackGroup, ExecutorService callbacks) {
    this.props = props;
    this.tuning = tuning;
    this.selfPeerId = selfPeerId;
    this.liveGroup = liveGroup;
    this.fallbackGroup = fallbackGroup;
    this.callbacks = callbacks;
  }

  synchronized RaftClient client() {
    RaftGroup group = liveGroup.get();
    if (group == null || group.getPeers().isEmpty()) {
      group = fallbackGroup;
    }
    Set<RaftPeerId> ids = new HashSet<>();
    for (RaftPeer p : group.getPeers()) {
      ids.add(p.getId());
    }
    if (client == null || !ids.equals(clientPeers)) {
      if (client != null) {
        retired.add(client);
      }
      RaftClient.Builder b = RaftClient.newBuilder().setProperties(props).setRaftGroup(group)
          // Bounded: with no quorum a write fails with NoLeaderException, not spins.
          .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(
              10, RaftSettings.td(Duration.ofMillis(200))));
      if (ids.contains(selfPeerId)) {
        b.setLeaderId(selfPeerId);
      }
      client = b.build();
      clientPeers = ids;
    }
    return client;
  }

  CompletableFuture<ApplyResult> write(Command command) {
    byte[] bytes = command.toByteArray();
    if (bytes.length > tuning.maxCommandBytes()) {
      // Pitfall P3: Ratis would reject it *and* the leader would step down.
      return CompletableFuture.failedFuture(
          new CommandTooLargeException(bytes.length, tuning.maxCommandBytes()));
    }
    if (closed) {
      return CompletableFuture.failedFuture(new NoLeaderException());
    }
    CompletableFuture<RaftClientReply> sent;
    RaftClient used = client();
    try {
      sent = used.async().send(Message.valueOf(ByteString.copyFrom(bytes)));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(RaftErrors.translate(e));
    }
    sent = sent.whenComplete((reply, err) -> {
      if (err != null && isClosedWindow(err)) {
        replace(used);
      }
    });
    return relay(sent, reply -> {
      CommandResult r = CommandResult.parseFrom(reply.getMessage().getContent().toByteArray());
      return new ApplyResult(r.getOk(), r.getValue(), r.getError(), reply.getLogIndex());
    });
  }

  // An ordered client whose retries ran out (no leader for longer than its retry policy)
  // closes its sliding window, and every later send then fails at once with
  // AlreadyClosedException: such a client is replaced by a fresh one.
  private static boolean isClosedWindow(Throwable err) {
    for (Throwable t = err; t != null; t = t.getCause()) {
      if (t instanceof org.apache.ratis.protocol.exceptions.AlreadyClosedException) {
        return true;
      }
    }
    return false;
  }

  private synchronized void replace(RaftClient broken) {
    if (client == broken && !closed) {
      retired.add(client);
      client = null;
    }
  }

  // A ReadIndex round run on *this* server: Ratis confirms leadership with a quorum and
  // answers only once this replica applied the read index, so reading the local catalog
  // afterwards is linearizable, also on a follower. Unordered on purpose: an ordered request
  // aimed at one server opens a second sequence window on the client's one gRPC stream, and
  // the server then stalled it (and the next write) until the 3 s request timeout.
  <T> CompletableFuture<T> readIndexThen(Catalog catalog, Function<Catalog, T> query) {
    if (closed) {
      return CompletableFuture.failedFuture(new NoLeaderException());
    }
    CompletableFuture<RaftClientReply> sent;
    try {
      sent = client().async()
          .sendReadOnlyUnordered(CatalogStateMachine.APPLIED_INDEX_QUERY, selfPeerId);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(RaftErrors.translate(e));
    }
    return relay(sent, reply -> query.apply(catalog));
  }

  /** Completes on the callbacks executor with mapper's answer, or the translated failure. */
  private <T> CompletableFuture<T> relay(
      CompletableFuture<RaftClientReply> sent, ReplyMapper<T> mapper) {
    CompletableFuture<T> out = new CompletableFuture<>();
    sent.whenCompleteAsync(
        (reply, err) -> {
          try {
            if (err != null) {
              out.completeExceptionally(RaftErrors.translate(err));
            } else if (!reply.isSuccess()) {
              Throwable cause = reply.getException();
              out.completeExceptionally(
                  RaftErrors.translate(cause != null ? cause : new NoLeaderException()));
            } else {
              out.complete(mapper.map(reply));
            }
          } catch (Exception | Error e) {
            out.completeExceptionally(e);
          }
        },
        callbacks);
    return out;
  }

  @FunctionalInterface
  private interface ReplyMapper<T> {
    T map(RaftClientReply reply) throws IOException;
  }

  /**
   * Closes every client this node built, each on its own thread and for at most a few
   * seconds: a Ratis client closing its proxies to a peer that is gone was seen to wait
   * forever (PeerProxyMap.close), and a node that is shutting down must not hang on it.
   */
  @Override
  public void close() {
    List<RaftClient> all;
    synchronized (this) {
      closed = true;
      all = new ArrayList<>(retired);
      if (client != null) {
        all.add(client);
      }
      retired.clear();
      client = null;
    }
    List<Thread> closers = new ArrayList<>();
    for (RaftClient c : all) {
      closers.add(Thread.ofPlatform().daemon().name("registry-client-close").start(() -> {
        try {
          c.close();
        } catch (IOException | RuntimeException e) {
          // Closing is best effort; the node is going away.
        }
      }));
    }
    long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
    for (Thread t : closers) {
      try {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          t.join(Duration.ofNanos(left));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
