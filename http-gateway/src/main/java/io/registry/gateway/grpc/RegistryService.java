package io.registry.gateway.grpc;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.registry.grpc.v1.DeregisterRequest;
import io.registry.grpc.v1.DeregisterResponse;
import io.registry.grpc.v1.HealthyRequest;
import io.registry.grpc.v1.HealthyResponse;
import io.registry.grpc.v1.RegisterRequest;
import io.registry.grpc.v1.RegisterResponse;
import io.registry.grpc.v1.RegistryGrpc;
import io.registry.node.api.Consistency;
import io.registry.node.api.RegistryNode;
import java.util.concurrent.Executor;

/**
 * registry.v1.Registry on one node. Registrations go to this node's local agent, which then
 * owns the service and runs its checks, as PUT /v1/agent/service/register does.
 */
final class RegistryService extends RegistryGrpc.RegistryImplBase {
  private final RegistryNode node;
  private final Executor executor;

  RegistryService(RegistryNode node, Executor executor) {
    this.node = node;
    this.executor = executor;
  }

  @Override
  public void register(RegisterRequest request, StreamObserver<RegisterResponse> out) {
    if (!request.hasService()) {
      out.onError(Registrations.invalid("service", "missing service registration"));
      return;
    }
    try {
      node.agent().registerService(
          Registrations.toSpec(request.getService()), request.getReplaceExistingChecks());
    } catch (RuntimeException e) {
      out.onError(GrpcErrors.status(e));
      return;
    }
    out.onNext(RegisterResponse.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public void deregister(DeregisterRequest request, StreamObserver<DeregisterResponse> out) {
    if (request.getId().isBlank()) {
      out.onError(Registrations.invalid("id", "missing service id"));
      return;
    }
    try {
      node.agent().deregisterService(request.getId());
    } catch (RuntimeException e) {
      out.onError(GrpcErrors.status(e));
      return;
    }
    out.onNext(DeregisterResponse.getDefaultInstance());
    out.onCompleted();
  }

  @Override
  public void healthy(HealthyRequest request, StreamObserver<HealthyResponse> out) {
    if (request.getService().isBlank()) {
      out.onError(Registrations.invalid("service", "missing service name"));
      return;
    }
    node.read(Consistency.DEFAULT, HealthySets.query(request)).whenComplete((r, e) -> {
      if (e != null) {
        out.onError(GrpcErrors.status(e));
      } else {
        out.onNext(HealthySets.response(r, request.getTag()));
        out.onCompleted();
      }
    });
  }

  @Override
  public void watchHealthy(HealthyRequest request, StreamObserver<HealthyResponse> out) {
    if (request.getService().isBlank()) {
      out.onError(Registrations.invalid("service", "missing service name"));
      return;
    }
    new HealthWatch(node, request, (ServerCallStreamObserver<HealthyResponse>) out, executor)
        .start();
  }
}
