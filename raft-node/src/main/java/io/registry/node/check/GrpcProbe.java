package io.registry.node.check;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The gRPC check: the standard grpc.health.v1.Health/Check against host:port, asking for the
 * service named after a "/" ("" = the whole server). SERVING passes, anything else fails. The
 * channel is made on the first run and kept until the check stops, so a run costs one call,
 * not a new connection.
 */
final class GrpcProbe implements Probe {
  private final ProbeSpec spec;
  private final Executor executor;
  private final String address;
  private final String service;
  /** Made on first use; guarded by this. */
  private ManagedChannel channel;
  /** Guarded by this. */
  private boolean closed;

  GrpcProbe(ProbeSpec spec, Executor executor) {
    this.spec = spec;
    this.executor = executor;
    int slash = spec.grpc().indexOf('/');
    this.address = slash < 0 ? spec.grpc() : spec.grpc().substring(0, slash);
    this.service = slash < 0 ? "" : spec.grpc().substring(slash + 1);
  }

  @Override
  public CompletableFuture<CheckResult> run() {
    String prefix = "gRPC check " + spec.grpc() + ": ";
    ManagedChannel ch;
    try {
      HostPort.parse(address);
      ch = channel();
    } catch (IllegalArgumentException | IllegalStateException e) {
      return CompletableFuture.completedFuture(CheckResult.critical(prefix + e.getMessage()));
    }
    ListenableFuture<HealthCheckResponse> call =
        HealthGrpc.newFutureStub(ch)
            .withDeadlineAfter(spec.effectiveTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .check(HealthCheckRequest.newBuilder().setService(service).build());
    CompletableFuture<CheckResult> result = new CompletableFuture<>();
    call.addListener(() -> result.complete(verdict(prefix, call)), Runnable::run);
    return result;
  }

  private static CheckResult verdict(String prefix, ListenableFuture<HealthCheckResponse> call) {
    try {
      HealthCheckResponse.ServingStatus status = call.get().getStatus();
      return status == HealthCheckResponse.ServingStatus.SERVING
          ? CheckResult.passing(prefix + "success")
          : CheckResult.critical(prefix + "failed: status " + status);
    } catch (ExecutionException e) {
      Status s = Status.fromThrowable(e.getCause());
      String why = s.getDescription() == null ? "" : ": " + s.getDescription();
      return CheckResult.critical(prefix + "failed: " + s.getCode() + why);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CheckResult.critical(prefix + "interrupted");
    }
  }

  private synchronized ManagedChannel channel() {
    if (closed) {
      throw new IllegalStateException("check stopped");
    }
    if (channel == null) {
      ManagedChannelBuilder<?> b = Grpc.newChannelBuilder(address, credentials())
          .executor(executor);
      if (spec.grpcUseTls() && !spec.tlsServerName().isEmpty()) {
        b.overrideAuthority(spec.tlsServerName());
      }
      channel = b.build();
    }
    return channel;
  }

  private ChannelCredentials credentials() {
    if (!spec.grpcUseTls()) {
      return InsecureChannelCredentials.create();
    }
    TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder();
    if (spec.tlsSkipVerify()) {
      tls.trustManager(TrustAll.INSTANCE);
    }
    return tls.build();
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (channel != null) {
      channel.shutdownNow();
    }
  }
}
