package io.registry.gateway.grpc;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.registry.catalog.Catalog;
import io.registry.grpc.v1.RegistryGrpc;
import io.registry.node.RegistryNodes;
import io.registry.node.api.Consistency;
import io.registry.node.api.RegistryNode;
import io.registry.node.config.NodeConfig;
import java.util.concurrent.TimeUnit;

/** An in-process dev node with its public gRPC API on a free loopback port, and a client. */
final class GrpcNode implements AutoCloseable {
  final RegistryNode node;
  private final int port;
  private volatile GrpcGateway gateway;
  final ManagedChannel channel;

  GrpcNode() {
    node = RegistryNodes.start(NodeConfig.devOnFreePorts("grpc-test-node"));
    gateway = GrpcGateway.start(node, "127.0.0.1", 0);
    port = gateway.port();
    channel = Grpc.newChannelBuilder(
        "127.0.0.1:" + port, InsecureChannelCredentials.create()).build();
  }

  RegistryGrpc.RegistryBlockingStub blocking() {
    return RegistryGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }

  RegistryGrpc.RegistryStub async() {
    return RegistryGrpc.newStub(channel);
  }

  /** The registry's gRPC address, as a resolver target's authority. */
  String address() {
    return "127.0.0.1:" + port;
  }

  /** Stops the gRPC API (its streams end) while the node keeps running. */
  void stopGateway() {
    gateway.close();
  }

  /** Serves the gRPC API again on the same port. */
  void startGateway() {
    gateway = GrpcGateway.start(node, "127.0.0.1", port);
  }

  /** Watches parked in the catalog right now. */
  int waiters() {
    return node.read(Consistency.STALE, Catalog::waiterCount).join();
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    gateway.close();
    node.close();
  }
}
