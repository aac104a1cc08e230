package io.registry.node.membership;

import io.grpc.StatusRuntimeException;
import io.registry.node.rpc.RefusedException;
import io.registry.node.rpc.RpcClients;
import io.registry.node.rpc.proto.CommitRequest;
import io.registry.node.rpc.proto.HelloReply;
import io.registry.node.rpc.proto.HelloRequest;
import io.registry.node.rpc.proto.PrepareRequest;
import io.registry.node.rpc.proto.PromiseReply;
import io.registry.node.rpc.proto.ReleaseRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds or forms the cluster of a server without cluster.json (membership.md sec. 2):
 * hello every known address; a FORMED answer means adopt it (we are one of its initial
 * peers) or join it; otherwise, once N forming servers are known and the set settled, the
 * lowest node-id proposes the N lowest and commits only with all N exclusive promises.
 * Two committed peer sets therefore never share a server, so no second group can form
 * among servers that can see each other.
 */
final class Bootstrap {
  private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);

  private final ClusterMembership m;
  private final Set<String> addresses = new LinkedHashSet<>();

  Bootstrap(ClusterMembership membership) {
    this.m = membership;
    addresses.addAll(membership.options.retryJoin());
  }

  ClusterFile run() {
    RetryBackoff backoff = RetryBackoff.of(m.options.retryInterval());
    int silentRounds = 0;
    LOG.info("Looking for servers (bootstrap_expect {}) via {}", m.self.bootstrapExpect(),
        addresses);
    while (true) {
      if (m.committed.isDone()) {
        return m.committed.join();
      }
      boolean anyAnswered = false;
      for (String address : new ArrayList<>(addresses)) {
        if (address.equals(m.self.rpcAddress())) {
          continue;
        }
        HelloReply reply = hello(address);
        if (reply == null) {
          continue;
        }
        anyAnswered = true;
        if (reply.getFormed()) {
          return formed(reply, address);
        }
        m.forming.saw(reply.getResponder());
        reply.getServersList().forEach(s -> addresses.add(s.getRpcAddress()));
      }
      if (m.committed.isDone()) {
        return m.committed.join();
      }
      ClusterFile proposed = maybePropose();
      if (proposed != null) {
        return proposed;
      }
      boolean nobodyToAsk = addresses.stream().allMatch(a -> a.equals(m.self.rpcAddress()));
      if (!anyAnswered && !nobodyToAsk) {
        silentRounds++;
        if (m.options.retryMax() > 0 && silentRounds >= m.options.retryMax()) {
          throw new IllegalStateException("Failed to join any nodes.");
        }
      }
      waitForCommit(backoff.next());
    }
  }

  /**
   * A recovering server hellos its -retry-join addresses once: one that belongs to another
   * cluster or datacenter is a configuration error worth stopping for; silence is not.
   */
  void checkAddresses() {
    for (String address : addresses) {
      if (!address.equals(m.self.rpcAddress())) {
        hello(address);
      }
    }
  }

  private HelloReply hello(String address) {
    try {
      return m.rpc.to(address, ClusterMembership.CALL_DEADLINE)
          .hello(HelloRequest.newBuilder().setFrom(m.identity())
              .addAllKnown(m.forming.servers().stream().map(ServerEntry::toProto).toList())
              .build());
    } catch (StatusRuntimeException e) {
      RuntimeException t = RpcClients.translate(e);
      if (t instanceof RefusedException refused) {
        // Another cluster, datacenter or bootstrap_expect: never something a retry fixes.
        throw new IllegalStateException(refused.getMessage(), refused);
      }
      LOG.debug("Hello to {} failed: {}", address, e.getStatus());
      return null;
    }
  }

  /** A formed cluster answered: adopt it if it lists us among its peers, else join it. */
  private ClusterFile formed(HelloReply reply, String address) {
    String clusterId = reply.getResponder().getClusterId();
    List<ServerEntry> peers = reply.getServersList().stream().map(ServerEntry::of).toList();
    for (ServerEntry p : peers) {
      if (p.nodeId().equals(m.self.nodeId())) {
        LOG.info("Adopting cluster {}: {} lists this server as a peer", clusterId, address);
        return new ClusterFile(clusterId, m.self.datacenter(), p.raftPeerId(),
            m.self.bootstrapExpect(), peers, ClusterFile.MEMBER);
      }
    }
    LOG.info("Joining formed cluster {} via {}", clusterId, address);
    return new ClusterFile(clusterId, m.self.datacenter(), m.candidatePeerId,
        m.self.bootstrapExpect(), peers, ClusterFile.JOINING);
  }

  private ClusterFile maybePropose() {
    int expect = m.self.bootstrapExpect();
    if (expect < 1) {
      return null;
    }
    List<ServerEntry> p = m.forming.proposal(expect, m.options.bootstrapSettle().toNanos());
    if (p.isEmpty() || !p.get(0).nodeId().equals(m.self.nodeId())) {
      return null;
    }
    LOG.info("Proposing peer set {}", p.stream().map(ServerEntry::name).toList());
    List<ServerEntry> granted = new ArrayList<>();
    String refusal = null;
    for (ServerEntry member : p) {
      String why = ask(member, p);
      if (why != null) {
        refusal = member.name() + ": " + why;
        break;
      }
      granted.add(member);
    }
    if (refusal != null) {
      LOG.info("Bootstrap proposal refused ({}); releasing and retrying", refusal);
      granted.forEach(this::release);
      return null;
    }
    ClusterFile f = new ClusterFile(UUID.randomUUID().toString(), m.self.datacenter(),
        m.candidatePeerId, expect, p, ClusterFile.MEMBER);
    m.adopt(f);
    LOG.info("Formed cluster {} with {}", f.clusterId(), p.stream().map(ServerEntry::name)
        .toList());
    // COMMIT is idempotent; a member that misses it adopts the cluster from any hello.
    Thread.ofVirtual().name("registry-commit").start(() -> p.forEach(s -> commit(s, f)));
    return f;
  }

  private String ask(ServerEntry member, List<ServerEntry> p) {
    if (member.nodeId().equals(m.self.nodeId())) {
      return m.forming.promise(m.self.nodeId(), p);
    }
    try {
      PromiseReply reply = m.rpc.to(member.rpcAddress(), ClusterMembership.CALL_DEADLINE)
          .prepare(PrepareRequest.newBuilder().setFrom(m.identity())
              .addAllProposed(p.stream().map(ServerEntry::toProto).toList()).build());
      return reply.getGranted() ? null : reply.getReason();
    } catch (StatusRuntimeException e) {
      return "unreachable (" + e.getStatus().getCode() + ")";
    }
  }

  private void release(ServerEntry member) {
    if (member.nodeId().equals(m.self.nodeId())) {
      m.forming.release(m.self.nodeId());
      return;
    }
    try {
      m.rpc.to(member.rpcAddress(), ClusterMembership.CALL_DEADLINE)
          .release(ReleaseRequest.newBuilder().setFrom(m.identity()).build());
    } catch (StatusRuntimeException e) {
      LOG.debug("Release to {} failed: {}", member.name(), e.getStatus());
    }
  }

  private void commit(ServerEntry member, ClusterFile f) {
    if (member.nodeId().equals(m.self.nodeId())) {
      return;
    }
    for (int attempt = 0; attempt < 30; attempt++) {
      try {
        m.rpc.to(member.rpcAddress(), ClusterMembership.CALL_DEADLINE)
            .commit(CommitRequest.newBuilder().setFrom(m.identity())
                .setClusterId(f.clusterId())
                .addAllPeers(f.peers().stream().map(ServerEntry::toProto).toList()).build());
        return;
      } catch (StatusRuntimeException | IllegalStateException e) {
        try {
          Thread.sleep(500);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void waitForCommit(long millis) {
    try {
      m.committed.get(millis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // Not committed yet: another round.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while forming the cluster", e);
    }
  }
}
