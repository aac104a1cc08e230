package io.registry.node.raft;

import io.registry.node.api.NoLeaderException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.ratis.protocol.exceptions.StateMachineException;

/** Maps what the Ratis client fails with onto what the gateways understand. */
final class RaftErrors {
  private RaftErrors() {}

  /**
   * A state machine error (the leader refused to decode the command) stays an error of the
   * request; anything else from Ratis (no leader, not ready, retries exhausted, timeout,
   * closed) means the cluster cannot answer now: Consul's "No cluster leader".
   */
  static RuntimeException translate(Throwable t) {
    Throwable cause = unwrap(t);
    if (cause instanceof NoLeaderException e) {
      return e;
    }
    if (cause instanceof StateMachineException sme) {
      return new IllegalStateException("Command rejected: " + sme.getMessage(), sme);
    }
    if (cause instanceof RuntimeException re && !(cause.getClass().getName().startsWith("org.apache.ratis"))) {
      return re;
    }
    NoLeaderException e = new NoLeaderException();
    e.initCause(cause);
    return e;
  }

  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }
}
