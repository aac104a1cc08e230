package io.registry.gateway.grpc;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.registry.node.api.RegistryNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The public gRPC API (registry.v1, port 8502) of one node, on the -client address next to
 * the HTTP API. Calls run on virtual threads: a Register waits for the agent's local write,
 * and parked watches hold no thread at all.
 */
public final class GrpcGateway implements AutoCloseable {
  /** Consul's gRPC port, which we use for the same purpose. */
  public static final int DEFAULT_PORT = 8502;

  private final Server server;
  private final ExecutorService executor;

  private GrpcGateway(Server server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts serving on host:port (0 picks a free port) and returns once it listens. */
  public static GrpcGateway start(RegistryNode node, String host, int port) {
    ExecutorService executor = Executors.newThreadPerTaskExecutor(
        Thread.ofVirtual().name("grpc-api-", 0).factory());
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
        .executor(executor)
        .addService(new RegistryService(node, executor))
        .build();
    try {
      server.start();
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException(
          "cannot listen for gRPC on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    return new GrpcGateway(server, executor);
  }

  /** The port it listens on. */
  public int port() {
    return server.getPort();
  }

  /**
   * Stops at once: open watch streams are cancelled (their waiters removed) and clients
   * reconnect to another node; unary calls in flight get a moment to finish.
   */
  @Override
  public void close() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    executor.shutdownNow();
  }
}
