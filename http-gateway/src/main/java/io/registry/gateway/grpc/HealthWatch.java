package io.registry.gateway.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.registry.catalog.model.Result;
import io.registry.catalog.model.ServiceInstance;
import io.registry.grpc.v1.HealthyRequest;
import io.registry.grpc.v1.HealthyResponse;
import io.registry.grpc.v1.Instance;
import io.registry.node.api.Consistency;
import io.registry.node.api.RegistryNode;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One WatchHealthy stream: evaluate, send the set if it differs from the last one sent, park
 * on the result's watch key (no thread held, no polling), and go round again when that key's
 * index moves. Only writes to this service (or its nodes) wake it, because the catalog hands
 * out a per-service watch key. Cancelling the stream cancels the parked watch, which removes
 * the waiter from the catalog.
 */
final class HealthWatch {
  private final RegistryNode node;
  private final HealthyRequest request;
  private final ServerCallStreamObserver<HealthyResponse> out;
  /** Where re-evaluations run: never on the thread that applied the write. */
  private final Executor executor;

  private final Object lock = new Object();
  /** The parked watch, cancelled with the stream; guarded by lock. */
  private CompletableFuture<Void> parked;
  /** The stream was cancelled or ended; guarded by lock. */
  private boolean closed;
  /** The instances last sent, null before the first send; guarded by lock. */
  private List<Instance> lastSent;

  HealthWatch(RegistryNode node, HealthyRequest request,
      ServerCallStreamObserver<HealthyResponse> out, Executor executor) {
    this.node = node;
    this.request = request;
    this.out = out;
    this.executor = executor;
  }

  /** Must run inside the RPC method: gRPC only accepts the cancel handler there. */
  void start() {
    out.setOnCancelHandler(this::cancel);
    round();
  }

  private void round() {
    node.read(Consistency.DEFAULT, HealthySets.query(request))
        .whenCompleteAsync(this::evaluated, executor);
  }

  private void evaluated(Result<List<ServiceInstance>> result, Throwable error) {
    if (error != null) {
      fail(error);
      return;
    }
    HealthyResponse set = HealthySets.response(result, request.getTag());
    CompletableFuture<Void> watch;
    synchronized (lock) {
      if (closed) {
        return;
      }
      if (!set.getInstancesList().equals(lastSent)) {
        lastSent = set.getInstancesList();
        out.onNext(set);
      }
      // Parked under the lock so a cancel either sees this future or finds closed set.
      watch = node.watch(result.watchKey(), result.index());
      parked = watch;
    }
    watch.whenCompleteAsync((v, e) -> {
      if (watch.isCancelled()) {
        return;
      }
      if (e != null) {
        fail(e);
      } else {
        round();
      }
    }, executor);
  }

  private void cancel() {
    synchronized (lock) {
      closed = true;
      if (parked != null) {
        parked.cancel(false);
        parked = null;
      }
    }
  }

  /** Ends the stream with the mapped status; the client (or resolver) reconnects. */
  private void fail(Throwable error) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      try {
        out.onError(GrpcErrors.status(error));
      } catch (RuntimeException alreadyGone) {
        // The call was cancelled between our check and the send: nothing left to tell.
      }
    }
  }
}
