package io.registry.gateway.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * One request as the endpoint handlers see it: method, the percent-decoded path, the route's
 * path parameter (the decoded rest after its prefix, may contain '/'), the query, headers
 * and the raw body stream. Nothing of the servlet API leaks past this class.
 */
public final class ApiRequest {
  // The most of an oversized body read just to answer 413 cleanly.
  private static final long DRAIN_LIMIT = 8L << 20;

  private final String method;
  private final String path;
  private final String param;
  private final QueryParams query;
  private final Function<String, String> headers;
  private final long contentLength;
  private final InputStream body;

  public ApiRequest(
      String method,
      String path,
      String param,
      QueryParams query,
      Function<String, String> headers,
      long contentLength,
      InputStream body) {
    this.method = method;
    this.path = path;
    this.param = param;
    this.query = query;
    this.headers = headers;
    this.contentLength = contentLength;
    this.body = body;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** The decoded path after the route prefix ("" for exact routes). */
  public String param() {
    return param;
  }

  public QueryParams query() {
    return query;
  }

  public String header(String name) {
    return headers.apply(name);
  }

  /**
   * Reads the whole body, refusing more than limit bytes. A declared Content-Length over the
   * limit is refused before reading anything; a chunked body is cut off at limit + 1 bytes,
   * so an oversized upload never sits in memory whole.
   */
  public byte[] body(long limit, LongFunction<HttpError> tooLarge) {
    try {
      if (contentLength > limit) {
        // Read (and discard) a moderately oversized body before answering: a client still
        // sending when the 413 arrives and the connection closes sees a reset, not the 413.
        if (contentLength <= DRAIN_LIMIT) {
          drain();
        }
        throw tooLarge.apply(contentLength);
      }
      byte[] data = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
      if (data.length > limit) {
        long total = data.length + drain();
        throw tooLarge.apply(total);
      }
      return data;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // Counts (and discards) the rest so the 413 can name the size, as Consul's message does.
  // Bounded: past DRAIN_LIMIT the answer goes out and Jetty closes the connection.
  private long drain() throws IOException {
    long n = 0;
    byte[] buf = new byte[65536];
    int r;
    while (n < DRAIN_LIMIT && (r = body.read(buf)) > 0) {
      n += r;
    }
    return n;
  }
}
