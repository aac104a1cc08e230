package io.registry.node.rpc;

/**
 * A request refused for a reason the caller must not retry blindly (other datacenter, other
 * cluster id, mismatched bootstrap_expect): travels as FAILED_PRECONDITION with this text.
 */
public final class RefusedException extends RuntimeException {
  public RefusedException(String message) {
    super(message);
  }
}
