package io.registry.gateway.http.v1;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.google.protobuf.ByteString;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.KvCas;
import io.registry.catalog.command.KvDelete;
import io.registry.catalog.command.KvDeleteTree;
import io.registry.catalog.command.KvSet;
import io.registry.catalog.model.KvEntry;
import io.registry.gateway.http.ApiContext;
import io.registry.gateway.http.ApiRequest;
import io.registry.gateway.http.ApiResponse;
import io.registry.gateway.http.HttpError;
import io.registry.gateway.http.QueryParams;
import io.registry.gateway.json.Json;
import io.registry.gateway.json.KvJson;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** /v1/kv/:key (§8): GET (blocking), PUT with raw body, DELETE. */
final class KvEndpoints {
  /**
   * Consul does not bound keys, but every key travels in a URL and in each watch key; 4096
   * bytes is far beyond real use (Spring config paths are < 200) and keeps the request line
   * under Jetty's 8 KiB header limit, so the client gets our plain 400, not a 431.
   */
  static final int MAX_KEY_BYTES = 4096;

  private final ApiContext api;
  private final int maxValueSize;

  KvEndpoints(ApiContext api, int maxValueSize) {
    this.api = api;
    this.maxValueSize = maxValueSize;
  }

  CompletableFuture<ApiResponse> handle(ApiRequest r) {
    String key = r.param();
    int keyBytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (keyBytes > MAX_KEY_BYTES) {
      throw HttpError.badRequest(
          "Key too long: " + keyBytes + " bytes, max " + MAX_KEY_BYTES + " bytes");
    }
    return switch (r.method()) {
      case "GET" -> get(r, key);
      case "PUT" -> put(r, key);
      default -> delete(r, key);
    };
  }

  private CompletableFuture<ApiResponse> get(ApiRequest r, String key) {
    QueryParams q = r.query();
    if (q.has("keys")) {
      String sep = q.get("separator").or(() -> q.get("seperator")).orElse("");
      return api.read(r, c -> c.kvList(key), list -> keys(list, key, sep), false);
    }
    if (q.has("recurse")) {
      return api.read(r, c -> c.kvList(key), list -> {
        if (list.isEmpty()) {
          return ApiResponse.raw(404, new byte[0], null);
        }
        ArrayNode a = Json.array();
        list.forEach(e -> a.add(KvJson.pair(e)));
        return ApiResponse.json(a);
      }, false);
    }
    if (key.isEmpty()) {
      throw HttpError.badRequest("Missing key name");
    }
    boolean raw = q.has("raw");
    return api.read(r, c -> c.kvGet(key), e -> {
      if (e == null) {
        return ApiResponse.raw(404, new byte[0], null);
      }
      if (raw) {
        return ApiResponse.raw(200, e.value() == null ? new byte[0] : e.value(), "text/plain")
            .withHeader("X-Content-Type-Options", "nosniff")
            .withHeader("Content-Security-Policy", "sandbox");
      }
      ArrayNode a = Json.array();
      a.add(KvJson.pair(e));
      return ApiResponse.json(a);
    }, false);
  }

  /** Keys under the prefix; with a separator, everything past its first occurrence folds. */
  private static ApiResponse keys(List<KvEntry> list, String prefix, String sep) {
    Set<String> out = new LinkedHashSet<>();
    for (KvEntry e : list) {
      String k = e.key();
      if (!sep.isEmpty()) {
        int at = k.indexOf(sep, prefix.length());
        if (at >= 0) {
          k = k.substring(0, at + sep.length());
        }
      }
      out.add(k);
    }
    if (out.isEmpty() && !prefix.isEmpty()) {
      return ApiResponse.raw(404, new byte[0], null);
    }
    return ApiResponse.json(Json.strings(out));
  }

  private CompletableFuture<ApiResponse> put(ApiRequest r, String key) {
    QueryParams q = r.query();
    int modes = (q.has("cas") ? 1 : 0) + (q.has("acquire") ? 1 : 0) + (q.has("release") ? 1 : 0);
    if (modes > 1) {
      throw HttpError.badRequest("Conflicting flags: " + q.encode());
    }
    if (key.isEmpty()) {
      throw HttpError.badRequest("Missing key name");
    }
    long flags = q.has("flags") ? parseUint(q.getOr("flags", "")) : 0;
    Long cas = q.has("cas") ? parseUint(q.getOr("cas", "")) : null;
    byte[] value = r.body(maxValueSize, n -> new HttpError(413, "Request body(" + n
        + " bytes) too large, max size: " + maxValueSize + " bytes. See "
        + "https://developer.hashicorp.com/consul/docs/agent/config/config-files#kv_max_value_size."));
    if (q.has("acquire") || q.has("release")) {
      String session = q.get("acquire").or(() -> q.get("release")).orElse("");
      // TODO(#3): sessions land later; until then no session exists to lock with.
      throw HttpError.internal(session.isEmpty() ? "missing session" : "invalid session \"" + session + "\"");
    }
    Command.Builder cmd = Bodies.command();
    if (cas != null) {
      cmd.setKvCas(KvCas.newBuilder().setKey(key).setValue(ByteString.copyFrom(value))
          .setFlags(flags).setCas(cas));
    } else {
      cmd.setKvSet(KvSet.newBuilder().setKey(key).setValue(ByteString.copyFrom(value)).setFlags(flags));
    }
    return api.write(cmd.build()).thenApply(res -> ApiResponse.json(
        Json.object().booleanNode(res.value())));
  }

  private CompletableFuture<ApiResponse> delete(ApiRequest r, String key) {
    QueryParams q = r.query();
    boolean recurse = q.has("recurse");
    if (recurse && q.has("cas")) {
      throw HttpError.badRequest("Conflicting flags: " + q.encode());
    }
    if (key.isEmpty() && !recurse) {
      throw HttpError.badRequest("Missing key name");
    }
    Command.Builder cmd = Bodies.command();
    if (recurse) {
      cmd.setKvDeleteTree(KvDeleteTree.newBuilder().setPrefix(key));
    } else {
      KvDelete.Builder d = KvDelete.newBuilder().setKey(key);
      if (q.has("cas")) {
        d.setCas(parseUint(q.getOr("cas", "")));
      }
      cmd.setKvDelete(d);
    }
    return api.write(cmd.build()).thenApply(res -> ApiResponse.json(
        Json.object().booleanNode(res.value())));
  }

  /** Go's strconv.ParseUint(s, 10, 64), with its error text (Consul answers it as 500). */
  static long parseUint(String s) {
    try {
      return Long.parseUnsignedLong(s);
    } catch (NumberFormatException e) {
      boolean digits = !s.isEmpty() && s.chars().allMatch(Character::isDigit);
      throw HttpError.internal("strconv.ParseUint: parsing \"" + s + "\": "
          + (digits ? "value out of range" : "invalid syntax"));
    }
  }
}
