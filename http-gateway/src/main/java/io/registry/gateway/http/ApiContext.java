package io.registry.gateway.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.registry.catalog.Catalog;
import io.registry.catalog.command.Command;
import io.registry.catalog.model.ApplyResult;
import io.registry.catalog.model.Result;
import io.registry.gateway.filter.FilterExpression;
import io.registry.gateway.json.Json;
import io.registry.node.api.Consistency;
import io.registry.node.api.RegistryNode;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** What every endpoint family shares: the node, blocking reads, writes and ?filter. */
public final class ApiContext {
  private final RegistryNode node;
  private final BlockingReads reads;

  public ApiContext(RegistryNode node, BlockingReads reads) {
    this.node = node;
    this.reads = reads;
  }

  public RegistryNode node() {
    return node;
  }

  public String datacenter() {
    return node.self().datacenter();
  }

  /**
   * A blocking-capable catalog read: parses consistency/index/wait, runs the query, renders
   * the value and adds the index headers (also on empty and 404 answers, §2.8).
   */
  public <T> CompletableFuture<ApiResponse> read(
      ApiRequest req,
      Function<Catalog, Result<T>> query,
      Function<T, ApiResponse> render,
      boolean consistencyHeader) {
    ReadOptions o = ReadOptions.parse(req.query());
    Consistency used = reads.effective(o);
    return reads.run(o, query)
        .thenApply(r -> render.apply(r.value())
            .withHeaders(reads.headers(r.index(), used, consistencyHeader)));
  }

  /** See {@link BlockingReads#poll}. */
  public <T> CompletableFuture<T> poll(
      java.util.function.Supplier<T> probe, java.util.function.Predicate<T> changed,
      java.time.Duration wait) {
    return reads.poll(probe, changed, wait);
  }

  /** A catalog write; ok=false is Consul's 500 with the plain error. */
  public CompletableFuture<ApplyResult> write(Command command) {
    return node.write(command).thenApply(r -> {
      if (!r.ok()) {
        throw HttpError.internal(r.error());
      }
      return r;
    });
  }

  /** Keeps the elements of a list answer that match ?filter (none given: all). */
  public static ArrayNode filter(ApiRequest req, ArrayNode list) {
    String expr = req.query().getOr("filter", "");
    if (expr.isEmpty()) {
      return list;
    }
    FilterExpression f = FilterExpression.parse(expr);
    ArrayNode out = Json.array();
    for (JsonNode e : list) {
      if (f.matches(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /** Same for map answers (agent services/checks): the filter applies to each value. */
  public static ObjectNode filter(ApiRequest req, ObjectNode map) {
    String expr = req.query().getOr("filter", "");
    if (expr.isEmpty()) {
      return map;
    }
    FilterExpression f = FilterExpression.parse(expr);
    ObjectNode out = Json.object();
    for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (f.matches(e.getValue())) {
        out.set(e.getKey(), e.getValue());
      }
    }
    return out;
  }
}
