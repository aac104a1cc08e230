package io.registry.node.rpc;

import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.registry.node.api.NoLeaderException;
import io.registry.node.rpc.proto.ClusterGrpc;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** One channel per peer address, reused; stubs get a deadline per call. */
public final class RpcClients implements AutoCloseable {
  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** A blocking stub to {@code address} (host:port) whose calls end after {@code deadline}. */
  public ClusterGrpc.ClusterBlockingStub to(String address, Duration deadline) {
    if (closed) {
      throw new IllegalStateException("RPC clients closed");
    }
    ManagedChannel channel =
        channels.computeIfAbsent(
            address, a -> NettyChannelBuilder.forTarget(a).usePlaintext().build());
    return ClusterGrpc.newBlockingStub(channel)
        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Turns a failed call into what callers act on: a refusal keeps its text, "no leader"
   * becomes NoLeaderException, the rest (unreachable, deadline) stays a StatusRuntimeException.
   */
  public static RuntimeException translate(StatusRuntimeException e) {
    Status s = e.getStatus();
    if (s.getCode() == Status.Code.FAILED_PRECONDITION) {
      return new RefusedException(s.getDescription());
    }
    if (s.getCode() == Status.Code.UNAVAILABLE
        && ClusterRpcService.NO_LEADER.equals(s.getDescription())) {
      return new NoLeaderException();
    }
    return e;
  }

  @Override
  public void close() {
    closed = true;
    channels.values().forEach(ManagedChannel::shutdownNow);
    channels.clear();
  }
}
