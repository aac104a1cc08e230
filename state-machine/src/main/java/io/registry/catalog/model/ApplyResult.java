package io.registry.catalog.model;

/**
 * What applying one command answered. ok=false: a validation rule failed, nothing changed,
 * error holds the plain message (HTTP 500 in Consul's terms). value: the true/false literal
 * of KV and catalog writes (false for a failed CAS). index: the log index it was applied at.
 */
public record ApplyResult(boolean ok, boolean value, String error, long index) {
  public static ApplyResult success(boolean value, long index) {
    return new ApplyResult(true, value, "", index);
  }

  public static ApplyResult failure(String error, long index) {
    return new ApplyResult(false, false, error, index);
  }
}
