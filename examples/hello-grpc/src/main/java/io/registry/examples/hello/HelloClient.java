package io.registry.examples.hello;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.registry.examples.hello.proto.GreeterGrpc;
import io.registry.examples.hello.proto.Person;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The tutorial's client, twice: once looking the healthy instances up over the HTTP API and
 * calling one of them, once through a {@code registry://} channel with round_robin, which
 * keeps following the healthy set by itself.
 *
 * <pre>java -cp 'target/hello-grpc.jar:target/lib/*' io.registry.examples.hello.HelloClient \
 *     127.0.0.1:8500 127.0.0.1:8502 Ada</pre>
 */
public final class HelloClient implements AutoCloseable {
  private final RegistryHttp registry;
  /** The resolver's channel, opened once and reused: it follows the set on its own. */
  private final ManagedChannel resolved;

  /** registryHttp: the HTTP API's host:port; registryGrpc: the gRPC API's host:port. */
  public HelloClient(String registryHttp, String registryGrpc) {
    this.registry = new RegistryHttp(registryHttp);
    this.resolved = ManagedChannelBuilder
        .forTarget("registry://" + registryGrpc + "/" + HelloServer.SERVICE)
        .defaultLoadBalancingPolicy("round_robin")
        .usePlaintext()
        .build();
  }

  /** Asks the HTTP API for passing instances, picks one at random, and calls it. */
  public String viaHttp(String name) throws InterruptedException {
    List<RegistryHttp.Endpoint> healthy = registry.healthy(HelloServer.SERVICE);
    if (healthy.isEmpty()) {
      throw new IllegalStateException("no healthy instance of " + HelloServer.SERVICE);
    }
    RegistryHttp.Endpoint e = healthy.get(ThreadLocalRandom.current().nextInt(healthy.size()));
    ManagedChannel direct = ManagedChannelBuilder.forAddress(e.address(), e.port())
        .usePlaintext().build();
    try {
      return sayHello(direct, name, false);
    } finally {
      direct.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** Calls through the registry:// channel; fails at once when no instance is ready. */
  public String viaResolver(String name) {
    return sayHello(resolved, name, false);
  }

  /**
   * As {@link #viaResolver}, but a call made before the channel has its first healthy set
   * (it connects lazily) waits for it, up to the deadline, instead of failing.
   */
  public String viaResolverWhenReady(String name) {
    return sayHello(resolved, name, true);
  }

  private static String sayHello(ManagedChannel channel, String name, boolean waitForReady) {
    GreeterGrpc.GreeterBlockingStub stub =
        GreeterGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS);
    return (waitForReady ? stub.withWaitForReady() : stub)
        .sayHello(Person.newBuilder().setName(name).build()).getName();
  }

  @Override
  public void close() throws InterruptedException {
    resolved.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  /** Args: registry HTTP host:port, registry gRPC host:port, a name. */
  public static void main(String[] args) throws InterruptedException {
    if (args.length != 3) {
      System.err.println("usage: HelloClient <registry-http host:port> <registry-grpc host:port> <name>");
      System.exit(2);
    }
    try (HelloClient client = new HelloClient(args[0], args[1])) {
      System.out.println("via HTTP lookup: " + client.viaHttp(args[2]));
      System.out.println("via registry:// resolver: " + client.viaResolverWhenReady(args[2]));
    }
  }
}
