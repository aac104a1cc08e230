package io.registry.gateway.json;

/** A request body that does not decode; the gateway answers 400 "Request decode failed: ...". */
public final class DecodeException extends RuntimeException {
  public DecodeException(String message) {
    super(message, null, false, false);
  }
}
