package io.registry.gateway.grpc;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.registry.grpc.v1.HealthyRequest;
import io.registry.grpc.v1.HealthyResponse;
import io.registry.grpc.v1.RegistryGrpc;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every set a WatchHealthy stream sends, as instance-id lists; close cancels it. */
final class SetRecorder
    implements ClientResponseObserver<HealthyRequest, HealthyResponse>, AutoCloseable {
  private final List<List<String>> sets = new CopyOnWriteArrayList<>();
  private volatile ClientCallStreamObserver<HealthyRequest> call;
  private volatile Throwable error;

  static SetRecorder watch(RegistryGrpc.RegistryStub stub, HealthyRequest request) {
    SetRecorder r = new SetRecorder();
    stub.watchHealthy(request, r);
    return r;
  }

  List<List<String>> sets() {
    if (error != null) {
      throw new AssertionError("watch failed", error);
    }
    return List.copyOf(sets);
  }

  @Override
  public void beforeStart(ClientCallStreamObserver<HealthyRequest> requestStream) {
    call = requestStream;
  }

  @Override
  public void onNext(HealthyResponse value) {
    sets.add(GrpcApiTest.ids(value));
  }

  @Override
  public void onError(Throwable t) {
    error = t;
  }

  @Override
  public void onCompleted() {}

  @Override
  public void close() {
    call.cancel("test done", null);
  }
}
