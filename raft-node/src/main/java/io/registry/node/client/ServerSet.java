package io.registry.node.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The servers a client agent knows, in its failover order (membership.md sec. 4): a
 * rendezvous hash of (client node-id, server node-id), so clients spread over the servers
 * and the order is stable across restarts. The first is the home server.
 */
final class ServerSet {
  private final String selfId;
  private volatile List<KnownServer> ordered = List.of();
  private volatile String leaderRpc = "";

  ServerSet(String selfId) {
    this.selfId = selfId;
  }

  /**
   * Replaces the list with what a server answered; an HTTP address the reply lacks (the
   * server's member row not written yet) is kept from before.
   */
  void update(List<KnownServer> servers) {
    if (servers.isEmpty()) {
      return;
    }
    Map<String, String> http = new LinkedHashMap<>();
    ordered.forEach(s -> http.put(s.rpcAddress(), s.httpAddress()));
    List<KnownServer> next = new ArrayList<>();
    for (KnownServer s : servers) {
      String h = s.httpAddress().isEmpty() ? http.getOrDefault(s.rpcAddress(), "") : s.httpAddress();
      next.add(new KnownServer(s.nodeId(), s.name(), s.rpcAddress(), h));
    }
    next.sort(Comparator.comparing(this::weight).thenComparing(KnownServer::rpcAddress));
    ordered = List.copyOf(next);
  }

  List<KnownServer> ordered() {
    return ordered;
  }

  /** RPC addresses in failover order; the leader first when {@code leaderFirst}. */
  List<String> rpcAddresses(boolean leaderFirst) {
    List<String> out = new ArrayList<>();
    String leader = leaderRpc;
    if (leaderFirst && !leader.isEmpty()) {
      out.add(leader);
    }
    ordered.forEach(s -> {
      if (!out.contains(s.rpcAddress())) {
        out.add(s.rpcAddress());
      }
    });
    return out;
  }

  List<String> httpAddresses() {
    return ordered.stream().map(KnownServer::httpAddress).filter(a -> !a.isEmpty()).toList();
  }

  void leader(String rpcAddress) {
    leaderRpc = rpcAddress == null ? "" : rpcAddress;
  }

  String leader() {
    return leaderRpc;
  }

  private String weight(KnownServer s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest((selfId + "/" + s.nodeId()).getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 8; i++) {
        hex.append(String.format("%02x", d[i]));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
