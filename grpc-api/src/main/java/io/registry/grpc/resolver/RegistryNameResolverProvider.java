package io.registry.grpc.resolver;

import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Collection;
import java.util.List;

/**
 * The {@code registry} scheme for grpc-java channels, found through
 * META-INF/services/io.grpc.NameResolverProvider, so an application only needs this jar on
 * its classpath and a target such as
 * {@code ManagedChannelBuilder.forTarget("registry://127.0.0.1:8502/hello")
 * .defaultLoadBalancingPolicy("round_robin")}.
 */
public final class RegistryNameResolverProvider extends NameResolverProvider {
  public static final String SCHEME = "registry";

  @Override
  protected boolean isAvailable() {
    return true;
  }

  /**
   * Below DNS's 5 on purpose: grpc-java takes the highest-priority provider's scheme as the
   * default for targets without one ("host:port"), and those must stay DNS in any app that
   * merely has this jar on its classpath.
   */
  @Override
  protected int priority() {
    return 4;
  }

  @Override
  public String getDefaultScheme() {
    return SCHEME;
  }

  @Override
  public NameResolver newNameResolver(URI targetUri, NameResolver.Args args) {
    if (!SCHEME.equals(targetUri.getScheme())) {
      return null;
    }
    return new RegistryNameResolver(RegistryTarget.parse(targetUri), args);
  }

  @Override
  public Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
    return List.of(InetSocketAddress.class);
  }
}
