package io.registry.node.agent;

/**
 * What a TTL check persists on every change, so a restart inside the TTL keeps the status
 * the application last reported. expires: epoch ms after which that status no longer holds.
 */
record TtlState(String status, String output, long expires) {
  TtlState {
    status = status == null ? "" : status;
    output = output == null ? "" : output;
  }
}
