package io.registry.gateway.http;

import io.registry.gateway.filter.FilterException;
import io.registry.gateway.json.DecodeException;
import io.registry.node.agent.AgentException;
import io.registry.node.api.CommandTooLargeException;
import io.registry.node.api.NoLeaderException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every failure to Consul's plain-text error answer (§2.4). */
final class Errors {
  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  private Errors() {}

  static ApiResponse toResponse(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return switch (t) {
      case DecodeException e -> ApiResponse.text(400, "Request decode failed: " + e.getMessage());
      case HttpError e -> ApiResponse.text(e.status(), e.getMessage());
      case AgentException e -> ApiResponse.text(e.status(), e.getMessage());
      case NoLeaderException e -> ApiResponse.text(500, "No cluster leader");
      case CommandTooLargeException e -> ApiResponse.text(413, e.getMessage());
      case FilterException e ->
          ApiResponse.text(500, "Failed to create boolean expression evaluator: " + e.getMessage());
      case UncheckedIOException e -> ApiResponse.text(400, "Failed to read request body: " + e.getMessage());
      default -> {
        LOG.warn("request failed", t);
        yield ApiResponse.text(500, String.valueOf(t.getMessage()));
      }
    };
  }
}
