package io.registry.gateway.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.registry.node.agent.AgentException;
import io.registry.node.api.CommandTooLargeException;
import io.registry.node.api.NoLeaderException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Maps what the node throws to gRPC statuses, keeping the agent's own wording. */
final class GrpcErrors {
  /**
   * The agent answers in Consul's words ("Missing service name"); gRPC callers are promised
   * the field's name, so the known openings get the registry.v1 field put in front.
   */
  private static final List<Map.Entry<String, String>> FIELDS = List.of(
      Map.entry("Missing service name", "service.name"),
      Map.entry("Invalid service address", "service.address"),
      Map.entry("Invalid Service Meta", "service.meta"),
      Map.entry("Invalid check", "service.checks"),
      Map.entry("Status for checks", "service.checks.status"),
      Map.entry("Missing service ID", "id"));

  private GrpcErrors() {}

  static StatusRuntimeException status(Throwable t) {
    Throwable e = unwrap(t);
    if (e instanceof StatusRuntimeException s) {
      return s;
    }
    if (e instanceof AgentException a) {
      return switch (a.status()) {
        case 400 -> Status.INVALID_ARGUMENT.withDescription(withField(a.getMessage()))
            .asRuntimeException();
        case 404 -> Status.NOT_FOUND.withDescription(a.getMessage()).asRuntimeException();
        // 500 from the agent means "refused in this state" (e.g. script checks disabled).
        case 500 -> Status.FAILED_PRECONDITION.withDescription(a.getMessage())
            .asRuntimeException();
        default -> Status.INTERNAL.withDescription(a.getMessage()).asRuntimeException();
      };
    }
    if (e instanceof NoLeaderException) {
      return Status.UNAVAILABLE.withDescription(e.getMessage()).asRuntimeException();
    }
    if (e instanceof CommandTooLargeException) {
      return Status.INVALID_ARGUMENT.withDescription("service: " + e.getMessage())
          .asRuntimeException();
    }
    if (e instanceof CancellationException) {
      return Status.CANCELLED.withDescription(e.getMessage()).asRuntimeException();
    }
    return Status.INTERNAL.withDescription(String.valueOf(e.getMessage())).withCause(e)
        .asRuntimeException();
  }

  private static String withField(String message) {
    for (Map.Entry<String, String> f : FIELDS) {
      if (message.startsWith(f.getKey())) {
        return f.getValue() + ": " + message;
      }
    }
    return "service: " + message;
  }

  private static Throwable unwrap(Throwable t) {
    Throwable e = t;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
