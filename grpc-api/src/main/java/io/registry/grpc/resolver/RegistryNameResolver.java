package io.registry.grpc.resolver;

import io.grpc.Attributes;
import io.grpc.EquivalentAddressGroup;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.NameResolver;
import io.grpc.Status;
import io.grpc.StatusOr;
import io.grpc.SynchronizationContext;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.registry.grpc.v1.HealthyRequest;
import io.registry.grpc.v1.HealthyResponse;
import io.registry.grpc.v1.Instance;
import io.registry.grpc.v1.RegistryGrpc;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Resolves {@code registry://host:port/service} by following the registry's WatchHealthy
 * stream: every set the registry pushes becomes the channel's address list, so a
 * round_robin channel uses exactly the current healthy instances without polling.
 *
 * <p>When the stream fails (registry restarting, network trouble) the channel keeps the last
 * set it was given and the resolver reconnects with jittered exponential backoff. Every field
 * below is touched only inside the channel's {@link SynchronizationContext}, which is why
 * none of them needs a lock.
 */
final class RegistryNameResolver extends NameResolver {
  static final Duration INITIAL_BACKOFF = Duration.ofMillis(200);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private final RegistryTarget target;
  private final SynchronizationContext sync;
  private final ScheduledExecutorService timer;
  private final Backoff backoff = new Backoff(INITIAL_BACKOFF, MAX_BACKOFF);

  /** The channel's listener; null until start. */
  private Listener2 listener;
  /** Our own channel to the registry, opened at start, closed at shutdown. */
  private ManagedChannel registry;
  /** The running WatchHealthy call; null while waiting to reconnect. */
  private ClientCallStreamObserver<HealthyRequest> call;
  /** The pending reconnect; null when none. */
  private SynchronizationContext.ScheduledHandle retry;
  /** The last set handed to the channel; null before the first. */
  private List<EquivalentAddressGroup> published;
  private boolean shutdown;

  RegistryNameResolver(RegistryTarget target, Args args) {
    this.target = target;
    this.sync = args.getSynchronizationContext();
    this.timer = args.getScheduledExecutorService();
  }

  @Override
  public String getServiceAuthority() {
    return target.service();
  }

  @Override
  public void start(Listener2 listener) {
    this.listener = listener;
    // dns:/// spelled out so a host name in the target is never taken for a URI scheme.
    registry = Grpc.newChannelBuilder(
            "dns:///" + target.registry(), InsecureChannelCredentials.create())
        .build();
    watch();
  }

  /**
   * The stream pushes every change, so there is nothing to re-resolve: load balancers call
   * this when a backend fails, which the registry's checks report in their own time.
   */
  @Override
  public void refresh() {}

  @Override
  public void shutdown() {
    shutdown = true;
    if (retry != null) {
      retry.cancel();
      retry = null;
    }
    if (call != null) {
      call.cancel("channel shut down", null);
      call = null;
    }
    if (registry != null) {
      registry.shutdownNow();
    }
  }

  private void watch() {
    retry = null;
    HealthyRequest request = HealthyRequest.newBuilder()
        .setService(target.service())
        .setTag(target.tag())
        .setPassing(target.passing())
        .build();
    RegistryGrpc.newStub(registry).watchHealthy(request, new Observer());
  }

  private void onSet(HealthyResponse set) {
    if (shutdown) {
      return;
    }
    backoff.reset();
    List<EquivalentAddressGroup> addresses = new ArrayList<>();
    for (Instance i : set.getInstancesList()) {
      addresses.add(new EquivalentAddressGroup(new InetSocketAddress(i.getAddress(), i.getPort())));
    }
    published = addresses;
    if (addresses.isEmpty()) {
      // An honest "nobody is healthy": calls fail fast with this reason instead of waiting.
      listener.onError(Status.UNAVAILABLE.withDescription(
          "registry " + target.registry() + " has no healthy instance of " + target.service()));
      return;
    }
    listener.onResult2(ResolutionResult.newBuilder()
        .setAddressesOrError(StatusOr.fromValue(addresses))
        .setAttributes(Attributes.EMPTY)
        .build());
  }

  private void onEnd(Status status) {
    call = null;
    if (shutdown) {
      return;
    }
    if (published == null) {
      // Nothing good to keep yet: tell the channel why calls cannot go anywhere.
      listener.onError(Status.UNAVAILABLE
          .withDescription("cannot watch " + target.service() + " at registry "
              + target.registry() + ": " + status.getCode() + " " + status.getDescription())
          .withCause(status.getCause()));
    }
    // Otherwise the channel keeps the last set: the instances are most likely still there.
    Duration delay = backoff.nextDelay();
    retry = sync.schedule(this::watch, delay.toNanos(), TimeUnit.NANOSECONDS, timer);
  }

  /** Hops every stream event onto the synchronization context. */
  private final class Observer implements ClientResponseObserver<HealthyRequest, HealthyResponse> {
    @Override
    public void beforeStart(ClientCallStreamObserver<HealthyRequest> requestStream) {
      // Runs inside watchHealthy(), which runs in the synchronization context.
      call = requestStream;
    }

    @Override
    public void onNext(HealthyResponse value) {
      sync.execute(() -> onSet(value));
    }

    @Override
    public void onError(Throwable t) {
      sync.execute(() -> onEnd(Status.fromThrowable(t)));
    }

    @Override
    public void onCompleted() {
      // The server only ends a watch when it is going away.
      sync.execute(() -> onEnd(Status.UNAVAILABLE.withDescription("watch ended by the registry")));
    }
  }
}
