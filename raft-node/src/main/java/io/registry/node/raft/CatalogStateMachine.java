package io.registry.node.raft;

import io.registry.catalog.Catalog;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.CommandResult;
import io.registry.catalog.model.ApplyResult;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.io.MD5Hash;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftClientRequest;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.server.raftlog.RaftLog;
import org.apache.ratis.server.storage.FileInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.statemachine.StateMachineStorage;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.apache.ratis.statemachine.impl.SimpleStateMachineStorage;
import org.apache.ratis.statemachine.impl.SingleFileSnapshotInfo;
import org.apache.ratis.thirdparty.com.google.protobuf.ByteString;
import org.apache.ratis.util.LifeCycle;
import org.apache.ratis.util.MD5FileUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapts the pure {@link Catalog} to Ratis: decodes committed entries, applies them at their
 * log index, answers the ReadIndex query, and writes/loads snapshots. Ratis calls apply, skip
 * and takeSnapshot from one thread (its StateMachineUpdater), which is the catalog's one writer.
 */
public final class CatalogStateMachine extends BaseStateMachine {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogStateMachine.class);

  /** The read-only query of a ReadIndex round; the answer is the local applied index. */
  static final Message APPLIED_INDEX_QUERY = Message.valueOf("applied-index");

  private final Catalog catalog;
  private final Clock clock;
  private final SimpleStateMachineStorage storage = new SimpleStateMachineStorage();
  // Index of the snapshot loaded by initialize() or the last reinitialize(); -1 when none.
  private volatile long loadedSnapshotIndex = -1;

  public CatalogStateMachine(Catalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  public Catalog catalog() {
    return catalog;
  }

  /** The index of the snapshot the catalog was last rebuilt from, -1 when none was loaded. */
  public long loadedSnapshotIndex() {
    return loadedSnapshotIndex;
  }

  @Override
  public StateMachineStorage getStateMachineStorage() {
    return storage;
  }

  // Pitfall P2: BaseStateMachine leaves the lifecycle alone, but Ratis's snapshot reload
  // asserts PAUSED; so initialize, pause and reinitialize drive it explicitly.
  @Override
  public void initialize(RaftServer server, RaftGroupId groupId, RaftStorage raftStorage)
      throws IOException {
    getLifeCycle()
        .startAndTransition(
            () -> {
              super.initialize(server, groupId, raftStorage);
              storage.init(raftStorage);
              loadLatestSnapshot();
            },
            IOException.class);
  }

  @Override
  public void pause() {
    LifeCycle lc = getLifeCycle();
    if (lc.getCurrentState() == LifeCycle.State.RUNNING) {
      lc.transition(LifeCycle.State.PAUSING);
      lc.transition(LifeCycle.State.PAUSED);
    }
  }

  @Override
  public void reinitialize() throws IOException {
    loadLatestSnapshot();
    LifeCycle lc = getLifeCycle();
    if (lc.getCurrentState() == LifeCycle.State.PAUSED) {
      lc.transition(LifeCycle.State.STARTING);
      lc.transition(LifeCycle.State.RUNNING);
    }
  }

  /** Stamps the leader's wall clock into the command: the only time apply ever sees. */
  @Override
  public TransactionContext startTransaction(RaftClientRequest request) throws IOException {
    ByteString data = request.getMessage().getContent();
    Command command = Command.parseFrom(data.asReadOnlyByteBuffer());
    byte[] stamped = command.toBuilder().setNowMs(clock.millis()).build().toByteArray();
    return TransactionContext.newBuilder()
        .setStateMachine(this)
        .setClientRequest(request)
        .setLogData(ByteString.copyFrom(stamped))
        .build();
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    LogEntryProto entry = trx.getLogEntry();
    long index = entry.getIndex();
    ByteBuffer data = entry.getStateMachineLogEntry().getLogData().asReadOnlyByteBuffer();
    Command command;
    try {
      command = Command.parseFrom(data);
    } catch (IOException e) {
      // The leader parsed it in startTransaction, so this means a corrupt entry; skipping
      // keeps every replica deterministic (all skip the same bytes).
      LOG.error("Skipping undecodable entry at index {}", index, e);
      catalog.skip(index);
      updateLastAppliedTermIndex(entry.getTerm(), index);
      return CompletableFuture.completedFuture(
          encode(ApplyResult.failure("undecodable command", index)));
    }
    ApplyResult result = catalog.apply(index, command);
    updateLastAppliedTermIndex(entry.getTerm(), index);
    return CompletableFuture.completedFuture(encode(result));
  }

  /** Entries without a command (leader no-op, configuration) still move the applied index. */
  @Override
  public void notifyTermIndexUpdated(long term, long index) {
    if (index > catalog.appliedIndex()) {
      catalog.skip(index);
    }
    super.notifyTermIndexUpdated(term, index);
  }

  /** Answers the ReadIndex query; Ratis calls it only once this replica applied the read index. */
  @Override
  public CompletableFuture<Message> query(Message request) {
    TermIndex applied = getLastAppliedTermIndex();
    long index = applied == null ? 0 : applied.getIndex();
    return CompletableFuture.completedFuture(
        Message.valueOf(ByteString.copyFrom(ByteBuffer.allocate(Long.BYTES).putLong(0, index))));
  }

  static long decodeAppliedIndex(Message reply) {
    return reply.getContent().asReadOnlyByteBuffer().getLong(0);
  }

  @Override
  public long takeSnapshot() throws IOException {
    TermIndex last = getLastAppliedTermIndex();
    if (last == null || last.getIndex() <= 0) {
      return RaftLog.INVALID_LOG_INDEX;
    }
    File file = storage.getSnapshotFile(last.getTerm(), last.getIndex());
    // Written beside the target and renamed, so a crash never leaves a half snapshot that
    // loadLatestSnapshot would pick up.
    File tmp = new File(file.getParentFile(), file.getName() + ".tmp");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp.toPath()))) {
      catalog.writeSnapshot(out);
    }
    try (FileChannel ch = FileChannel.open(tmp.toPath(), StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp.toPath(), file.toPath(), StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
    MD5Hash md5 = MD5FileUtil.computeAndSaveMd5ForFile(file);
    storage.updateLatestSnapshot(new SingleFileSnapshotInfo(new FileInfo(file.toPath(), md5), last));
    LOG.debug("Snapshot written at {}", last);
    return last.getIndex();
  }

  private void loadLatestSnapshot() throws IOException {
    SingleFileSnapshotInfo snapshot = storage.loadLatestSnapshot();
    if (snapshot == null) {
      return;
    }
    File file = snapshot.getFile().getPath().toFile();
    MD5Hash expected = snapshot.getFile().getFileDigest();
    if (expected != null) {
      MD5FileUtil.verifySavedMD5(file, expected);
    }
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file.toPath()))) {
      catalog.restoreSnapshot(in);
    }
    // Unconditional set: reinitialize after InstallSnapshot may be the only way forward.
    setLastAppliedTermIndex(snapshot.getTermIndex());
    loadedSnapshotIndex = snapshot.getIndex();
    LOG.info("Catalog restored from snapshot at {}", snapshot.getTermIndex());
  }

  private static Message encode(ApplyResult result) {
    CommandResult proto =
        CommandResult.newBuilder()
            .setOk(result.ok())
            .setValue(result.value())
            .setError(result.error() == null ? "" : result.error())
            .build();
    return Message.valueOf(ByteString.copyFrom(proto.toByteArray()));
  }
}
