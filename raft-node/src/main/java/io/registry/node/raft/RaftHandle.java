package io.registry.node.raft;

import io.registry.catalog.Catalog;
import io.registry.catalog.command.Command;
import io.registry.catalog.model.ApplyResult;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftServer;

/** What the cluster layer may touch of a running Raft node. */
public interface RaftHandle {
  RaftPeerId selfPeerId();

  /** This server's division; throws NoLeaderException while it has none. */
  RaftServer.Division division();

  /** A client over the current configuration (rebuilt after membership changes, pitfall P6). */
  RaftClient client();

  CompletableFuture<ApplyResult> write(Command command);

  /** The local replica (stale reads only). */
  Catalog catalog();
}
