package io.registry.examples.hello;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The tutorial's server: serves Greeter, registers itself with the registry's HTTP API
 * (service "hello", a TCP check on its own port) and deregisters when it shuts down.
 *
 * <pre>java -cp 'target/hello-grpc.jar:target/lib/*' io.registry.examples.hello.HelloServer \
 *     127.0.0.1:8500 50051 hello-1</pre>
 */
public final class HelloServer implements AutoCloseable {
  public static final String SERVICE = "hello";
  /** The address the server listens on and registers; loopback keeps the demo local. */
  static final String ADDRESS = "127.0.0.1";

  private final RegistryHttp registry;
  private final String id;
  private final Server server;
  private final GreeterService greeter;

  private HelloServer(RegistryHttp registry, String id, Server server, GreeterService greeter) {
    this.registry = registry;
    this.id = id;
    this.server = server;
    this.greeter = greeter;
  }

  /**
   * Listens on port (0 picks a free one), then registers with a TCP check run every
   * interval with the given timeout (Go durations such as "1s").
   */
  public static HelloServer start(String registryHttp, int port, String id, String interval,
      String timeout) {
    GreeterService greeter = new GreeterService();
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress(ADDRESS, port))
        .addService(greeter).build();
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + ADDRESS + ":" + port, e);
    }
    RegistryHttp registry = new RegistryHttp(registryHttp);
    try {
      registry.register(id, SERVICE, List.of("grpc", "v1"), ADDRESS, server.getPort(),
          interval, timeout);
    } catch (RuntimeException e) {
      server.shutdownNow();
      throw e;
    }
    return new HelloServer(registry, id, server, greeter);
  }

  public int port() {
    return server.getPort();
  }

  public String id() {
    return id;
  }

  /** Calls answered so far. */
  public long served() {
    return greeter.served();
  }

  /** Stops serving without deregistering: what a crash looks like to the registry. */
  public void kill() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  /** A clean shutdown: leave the registry first, so no client is sent here any more. */
  @Override
  public void close() throws InterruptedException {
    try {
      registry.deregister(id);
    } finally {
      server.shutdown();
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    }
  }

  /** Args: registry HTTP address (host:port), port to listen on, instance id. */
  public static void main(String[] args) throws InterruptedException {
    if (args.length != 3) {
      System.err.println("usage: HelloServer <registry-http host:port> <port> <id>");
      System.exit(2);
    }
    HelloServer server = start(args[0], Integer.parseInt(args[1]), args[2], "1s", "1s");
    System.out.println("hello server " + args[2] + " listening on " + ADDRESS + ":"
        + server.port() + ", registered with " + args[0]);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
        System.out.println("hello server " + args[2] + " deregistered");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException e) {
        System.err.println("deregistration failed: " + e.getMessage());
      }
      stopped.countDown();
    }));
    stopped.await();
  }
}
