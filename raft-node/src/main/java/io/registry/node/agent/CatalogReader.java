package io.registry.node.agent;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * How anti-entropy reads the catalog's rows for this agent's node, and which of them it must
 * never touch because the node registers them about itself (serfHealth through membership,
 * a server's "consul" service). IDs match case-insensitively, as in the catalog.
 *
 * @param rows fetches this node's rows (a server's replica, or a server over RPC); null:
 *     there is no catalog to compare with and anti-entropy stays off
 * @param ownServices service IDs the node itself registers
 * @param ownChecks check IDs the node itself registers
 */
public record CatalogReader(
    Supplier<CompletableFuture<NodeRows>> rows, Set<String> ownServices, Set<String> ownChecks) {

  /** No catalog to read: agents in unit tests push but never compare. */
  public static final CatalogReader NONE = new CatalogReader(null, Set.of(), Set.of());

  public CatalogReader {
    ownServices = Set.copyOf(ownServices);
    ownChecks = Set.copyOf(ownChecks);
  }

  boolean enabled() {
    return rows != null;
  }
}
