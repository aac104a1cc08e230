package io.registry.node.membership;

import io.grpc.StatusRuntimeException;
import io.registry.node.rpc.RefusedException;
import io.registry.node.rpc.RpcClients;
import io.registry.node.rpc.proto.HelloReply;
import io.registry.node.rpc.proto.HelloRequest;
import io.registry.node.rpc.proto.Identity;
import java.time.Duration;

/**
 * One join attempt through one address (`registry join`, PUT /v1/agent/join, a rejoin at
 * start): a hello that counts only when a formed cluster answers and it is ours (or, for a
 * node that holds no cluster id yet, any formed one).
 */
public final class JoinContact {
  static final Duration DEADLINE = Duration.ofSeconds(3);
  static final int DEFAULT_PORT = 8300;

  private JoinContact() {}

  /**
   * The join of a running agent (`registry join`, PUT /v1/agent/join): as {@link #hello},
   * with a refusal as IllegalStateException carrying its text.
   */
  public static HelloReply contact(RpcClients rpc, Identity me, String address) {
    try {
      return hello(rpc, me, withDefaultPort(address));
    } catch (RefusedException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * host, host:port, [v6] or [v6]:port; the server port 8300 when none is given (as Consul's
   * 8301 default). Shared by -retry-join and join.
   */
  public static String withDefaultPort(String address) {
    String a = address == null ? "" : address.strip();
    if (a.isEmpty()) {
      throw new IllegalStateException("no address to join");
    }
    boolean hasPort = a.startsWith("[") ? a.contains("]:") : a.contains(":");
    return hasPort ? a : a + ":" + DEFAULT_PORT;
  }

  /**
   * @return the reply of a formed cluster this node may belong to
   * @throws RefusedException the other side refused (other cluster id or datacenter): the
   *     caller must not retry it
   * @throws IllegalStateException unreachable, or a server still forming its cluster
   */
  public static HelloReply hello(RpcClients rpc, Identity me, String address) {
    HelloReply reply;
    try {
      reply = rpc.to(address, DEADLINE).hello(HelloRequest.newBuilder().setFrom(me).build());
    } catch (StatusRuntimeException e) {
      RuntimeException t = RpcClients.translate(e);
      if (t instanceof RefusedException refused) {
        throw refused;
      }
      throw new IllegalStateException(address + " did not answer: " + e.getStatus().getCode(), e);
    }
    String theirs = reply.getResponder().getClusterId();
    if (!reply.getFormed() || theirs.isEmpty()) {
      // Counting it would print "Successfully joined" for a server that may still form a
      // cluster of its own.
      throw new IllegalStateException(address + " is still forming its cluster");
    }
    if (!me.getClusterId().isEmpty() && !me.getClusterId().equals(theirs)) {
      // The responder checks this too; a reply from an older node might not.
      throw new RefusedException("cluster id mismatch: this node belongs to "
          + me.getClusterId() + ", " + address + " to " + theirs);
    }
    return reply;
  }
}
