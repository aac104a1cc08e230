package io.registry.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer. json is encoded at the edge (compact or pretty); otherwise body is sent as is.
 * Headers keep Go's canonical spellings (X-Consul-Knownleader). afterSent, when not null,
 * runs once the answer has been flushed to the client (agent leave: the process may exit
 * right after it, and the client must still get its 200).
 */
public record ApiResponse(
    int status,
    JsonNode json,
    byte[] body,
    String contentType,
    Map<String, String> headers,
    Runnable afterSent) {

  public ApiResponse {
    headers = new LinkedHashMap<>(headers);
  }

  public ApiResponse(
      int status, JsonNode json, byte[] body, String contentType, Map<String, String> headers) {
    this(status, json, body, contentType, headers, null);
  }

  /** A copy that runs action once the answer has reached the client. */
  public ApiResponse afterSent(Runnable action) {
    return new ApiResponse(status, json, body, contentType, headers, action);
  }

  public static ApiResponse json(JsonNode value) {
    return new ApiResponse(200, value, null, "application/json", Map.of());
  }

  public static ApiResponse json(int status, JsonNode value) {
    return new ApiResponse(status, value, null, "application/json", Map.of());
  }

  public static ApiResponse empty() {
    return new ApiResponse(200, null, new byte[0], null, Map.of());
  }

  public static ApiResponse text(int status, String message) {
    return new ApiResponse(
        status, null, message.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8", Map.of());
  }

  public static ApiResponse raw(int status, byte[] body, String contentType) {
    return new ApiResponse(status, null, body, contentType, Map.of());
  }

  /** A copy with one more header. */
  public ApiResponse withHeader(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new ApiResponse(status, json, body, contentType, h, afterSent);
  }

  public ApiResponse withHeaders(Map<String, String> more) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.putAll(more);
    return new ApiResponse(status, json, body, contentType, h, afterSent);
  }
}
