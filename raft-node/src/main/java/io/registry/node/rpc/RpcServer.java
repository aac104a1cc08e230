package io.registry.node.rpc;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The internal gRPC listener on the server port (8300). */
public final class RpcServer implements AutoCloseable {
  private final Server server;
  // Handlers block (bootstrap waits, Raft writes): one virtual thread per call.
  private final ExecutorService executor;

  private RpcServer(Server server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Binds host:port and serves {@code handler}; fails with the address when it cannot. */
  public static RpcServer start(String host, int port, ClusterHandler handler) {
    ExecutorService executor =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("registry-rpc-", 0).factory());
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
            .executor(executor)
            .addService(new ClusterRpcService(handler))
            .build();
    try {
      server.start();
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException("Cannot listen for internal RPC on " + host + ":" + port, e);
    }
    return new RpcServer(server, executor);
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(2, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
  }
}
