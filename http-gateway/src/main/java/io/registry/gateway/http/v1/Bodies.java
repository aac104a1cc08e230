package io.registry.gateway.http.v1;

import io.registry.catalog.command.Command;
import io.registry.gateway.http.ApiRequest;
import io.registry.gateway.http.HttpError;
import io.registry.gateway.json.DecodeException;
import io.registry.gateway.json.Json;
import io.registry.gateway.json.JsonFields;
import java.io.IOException;

/** Request-body and command helpers shared by the endpoint families. */
final class Bodies {
  // JSON bodies are registrations, not data: 4 MiB is far above any real one and keeps a
  // hostile upload from filling the heap. (KV has its own, Consul-defined limit.)
  static final long MAX_JSON_BODY = 4L << 20;

  private Bodies() {}

  /** The body as a JSON object, read raw whatever the Content-Type says. */
  static JsonFields json(ApiRequest r, String goType) {
    byte[] raw = r.body(MAX_JSON_BODY,
        n -> new HttpError(413, "Request body(" + n + " bytes) too large, max size: " + MAX_JSON_BODY + " bytes"));
    if (raw.length == 0) {
      throw new DecodeException("EOF");
    }
    try {
      return JsonFields.of(Json.parse(raw), goType);
    } catch (IOException e) {
      throw new DecodeException(firstLine(e.getMessage()));
    }
  }

  /** The body as JSON when one was sent; an empty one reads as {}. */
  static JsonFields optionalJson(ApiRequest r, String goType) {
    byte[] raw = r.body(MAX_JSON_BODY,
        n -> new HttpError(413, "Request body(" + n + " bytes) too large, max size: " + MAX_JSON_BODY + " bytes"));
    if (raw.length == 0) {
      return JsonFields.of(null, goType);
    }
    try {
      return JsonFields.of(Json.parse(raw), goType);
    } catch (IOException e) {
      throw new DecodeException(firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid JSON";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  static Command.Builder command() {
    return Command.newBuilder().setVersion(1);
  }
}
