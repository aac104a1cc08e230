package io.registry.node.membership;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.registry.node.storage.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;

/**
 * {@code <data-dir>/cluster.json} (membership.md sec. 1): which cluster this server committed
 * to, once and for its lifetime. Written temp+fsync+rename.
 *
 * @param clusterId the cluster UUID, also the Ratis group id
 * @param raftPeerId this server's Ratis peer id (fresh per raft/ dir, not the node-id)
 * @param peers the initial peer set (bootstrap) or the voters seen when joining
 * @param state joining (asked to be added) or member
 */
public record ClusterFile(
    String clusterId,
    String datacenter,
    String raftPeerId,
    int bootstrapExpect,
    List<ServerEntry> peers,
    String state) {

  public static final String FILE_NAME = "cluster.json";
  public static final String JOINING = "joining";
  public static final String MEMBER = "member";
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public ClusterFile {
    peers = peers == null ? List.of() : List.copyOf(peers);
  }

  /** The file in a data dir, or null when this server never formed or joined a cluster. */
  public static ClusterFile load(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.exists(file)) {
      return null;
    }
    try {
      return JSON.readValue(file.toFile(), ClusterFile.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  public void save(Path dataDir) {
    try {
      AtomicFiles.write(dataDir.resolve(FILE_NAME), JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsBytes(this));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + dataDir.resolve(FILE_NAME), e);
    }
  }

  public ClusterFile withState(String newState) {
    return new ClusterFile(clusterId, datacenter, raftPeerId, bootstrapExpect, peers, newState);
  }

  public RaftGroupId groupId() {
    return RaftGroupId.valueOf(UUID.fromString(clusterId));
  }

  /** The voters as Ratis peers. */
  public List<RaftPeer> raftPeers() {
    return peers.stream()
        .map(p -> RaftPeer.newBuilder().setId(p.raftPeerId()).setAddress(p.raftAddress()).build())
        .toList();
  }

  /**
   * The group the Ratis server starts with: the initial peers once a member; none while
   * joining, so the leader's configuration change is what makes it a voter (ratis.md sec. 4).
   */
  public RaftGroup serverGroup() {
    return JOINING.equals(state) ? RaftGroup.valueOf(groupId()) : RaftGroup.valueOf(groupId(), raftPeers());
  }

  /** The group a RaftClient starts with: every known voter, so writes find the leader. */
  public RaftGroup clientGroup() {
    return RaftGroup.valueOf(groupId(), raftPeers());
  }

  public RaftPeerId peerId() {
    return RaftPeerId.valueOf(raftPeerId);
  }
}
