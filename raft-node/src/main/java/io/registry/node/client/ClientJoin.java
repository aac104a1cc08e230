package io.registry.node.client;

import io.grpc.StatusRuntimeException;
import io.registry.node.config.ClusterOptions;
import io.registry.node.membership.ClusterFile;
import io.registry.node.membership.RetryBackoff;
import io.registry.node.membership.ServerEntry;
import io.registry.node.rpc.RefusedException;
import io.registry.node.rpc.RpcClients;
import io.registry.node.rpc.proto.HelloReply;
import io.registry.node.rpc.proto.HelloRequest;
import io.registry.node.rpc.proto.Identity;
import io.registry.node.storage.LeftMarker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a client agent finds its cluster: hello the -retry-join addresses and the servers
 * remembered in cluster.json until one answers from a formed cluster; a node of another
 * cluster refuses (cluster id mismatch) and that ends the start.
 */
final class ClientJoin {
  private static final Logger LOG = LoggerFactory.getLogger(ClientJoin.class);
  static final String CLIENT_STATE = "client";
  private static final Duration HELLO_DEADLINE = Duration.ofSeconds(3);

  private ClientJoin() {}

  /**
   * Blocks until a formed cluster answered; saves what it learned in cluster.json.
   *
   * @throws IllegalStateException "Failed to join any nodes." after retryMax silent rounds,
   *     or with the refusal's text
   */
  static HelloReply run(RpcClients rpc, Identity.Builder me, Path dataDir,
      ClusterOptions options) {
    ClusterFile remembered = ClusterFile.load(dataDir);
    if (remembered != null) {
      me.setClusterId(remembered.clusterId());
    }
    List<String> addresses = new ArrayList<>(options.retryJoin());
    // After a graceful leave only an explicit join brings the node back (-rejoin aside).
    boolean left = LeftMarker.exists(dataDir);
    if (left && !options.rejoin()) {
      LOG.info("This agent left its cluster before; not rejoining the remembered servers"
          + " (-rejoin would), only {}", options.retryJoin());
    }
    if (remembered != null && (!left || options.rejoin())) {
      remembered.peers().forEach(p -> {
        if (!addresses.contains(p.rpcAddress())) {
          addresses.add(p.rpcAddress());
        }
      });
    }
    RetryBackoff backoff = RetryBackoff.of(options.retryInterval());
    int silentRounds = 0;
    while (true) {
      for (String address : addresses) {
        try {
          HelloReply reply = rpc.to(address, HELLO_DEADLINE)
              .hello(HelloRequest.newBuilder().setFrom(me).build());
          if (reply.getFormed() && !reply.getResponder().getClusterId().isEmpty()) {
            save(dataDir, reply);
            LOG.info("Joined cluster {} through {}", reply.getResponder().getClusterId(),
                address);
            return reply;
          }
        } catch (StatusRuntimeException e) {
          RuntimeException t = RpcClients.translate(e);
          if (t instanceof RefusedException refused) {
            throw new IllegalStateException(refused.getMessage(), refused);
          }
          LOG.debug("Hello to {} failed: {}", address, e.getStatus());
        }
      }
      silentRounds++;
      if (options.retryMax() > 0 && silentRounds >= options.retryMax()) {
        throw new IllegalStateException("Failed to join any nodes.");
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(backoff.next()));
      if (Thread.currentThread().isInterrupted()) {
        throw new IllegalStateException("join interrupted");
      }
    }
  }

  // cluster.json of a client: the cluster id and the server list (membership.md sec. 4);
  // no Raft peer id, since a client is no Raft member.
  private static void save(Path dataDir, HelloReply reply) {
    List<ServerEntry> servers = reply.getServersList().stream()
        .map(s -> new ServerEntry(s.getNodeId(), s.getName(), s.getRpcAddress(),
            s.getRaftAddress(), s.getRaftPeerId()))
        .toList();
    new ClusterFile(reply.getResponder().getClusterId(), reply.getResponder().getDatacenter(),
        "", 0, servers, CLIENT_STATE).save(dataDir);
  }
}
