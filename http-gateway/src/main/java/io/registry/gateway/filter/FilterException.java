package io.registry.gateway.filter;

/** An invalid ?filter= expression; the gateway answers 500 with this message. */
public final class FilterException extends RuntimeException {
  public FilterException(String message) {
    super(message);
  }
}
