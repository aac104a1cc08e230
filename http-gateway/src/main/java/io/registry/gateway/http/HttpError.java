package io.registry.gateway.http;

/** A request refused with Consul's status code and plain-text message (§2.4). */
public final class HttpError extends RuntimeException {
  private final int status;

  public HttpError(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static HttpError badRequest(String message) {
    return new HttpError(400, message);
  }

  public static HttpError internal(String message) {
    return new HttpError(500, message);
  }
}
