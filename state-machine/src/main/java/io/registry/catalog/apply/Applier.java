package io.registry.catalog.apply;

import io.registry.catalog.command.Command;
import io.registry.catalog.index.Changes;
import io.registry.catalog.model.ApplyResult;
import io.registry.catalog.table.Tables;

/**
 * The one switch over Command.op. Every case validates before it changes anything, so a
 * failed rule answers a deterministic failure and leaves the tables as they were.
 */
public final class Applier {
  private Applier() {}

  /**
   * Applies one command; the index effects land in {@code changes}. Throws
   * IllegalStateException for an op this version does not know without skip_if_unknown:
   * the replica must stop rather than diverge.
   */
  public static ApplyResult apply(Tables tables, Changes changes, Command command) {
    long index = changes.index();
    ApplyResult result =
        switch (command.getOpCase()) {
          case INIT_CLUSTER -> initCluster(tables, command.getInitCluster().getClusterId(), index);
          case REGISTER -> done(RegisterOp.apply(tables, changes, command.getRegister()), index);
          case DEREGISTER ->
              done(DeregisterOp.apply(tables, changes, command.getDeregister()), index);
          case UPDATE_CHECKS -> {
            UpdateChecksOp.Outcome outcome =
                UpdateChecksOp.apply(tables, changes, command.getUpdateChecks());
            // value=false tells the proposer some updates named checks that are gone.
            yield outcome.error() != null
                ? ApplyResult.failure(outcome.error(), index)
                : ApplyResult.success(outcome.skipped() == 0, index);
          }
          case KV_SET -> {
            if (command.getKvSet().getKey().isEmpty()) {
              yield ApplyResult.failure(KvOps.MISSING_KEY, index);
            }
            KvOps.set(tables, changes, command.getKvSet());
            yield ApplyResult.success(true, index);
          }
          case KV_CAS ->
              command.getKvCas().getKey().isEmpty()
                  ? ApplyResult.failure(KvOps.MISSING_KEY, index)
                  : ApplyResult.success(KvOps.cas(tables, changes, command.getKvCas()), index);
          case KV_DELETE ->
              command.getKvDelete().getKey().isEmpty()
                  ? ApplyResult.failure(KvOps.MISSING_KEY, index)
                  : ApplyResult.success(
                      KvOps.delete(tables, changes, command.getKvDelete()), index);
          case KV_DELETE_TREE -> {
            KvOps.deleteTree(tables, changes, command.getKvDeleteTree());
            yield ApplyResult.success(true, index);
          }
          case MEMBER_UPDATE ->
              done(MemberOps.update(tables, changes, command.getMemberUpdate()), index);
          case MEMBER_REAP ->
              done(MemberOps.reap(tables, changes, command.getMemberReap()), index);
          case OP_NOT_SET -> unknown(command, index);
        };
    Effects.settle(tables, changes);
    tables.appliedIndex(index);
    return result;
  }

  /** An op from a newer version arrives here as OP_NOT_SET (its field is unknown to us). */
  private static ApplyResult unknown(Command command, long index) {
    if (command.getSkipIfUnknown()) {
      return ApplyResult.success(true, index);
    }
    throw new IllegalStateException(
        "upgrade required: command at index " + index + " needs state-machine version "
            + command.getVersion() + " and has no skip_if_unknown");
  }

  private static ApplyResult initCluster(Tables tables, String clusterId, long index) {
    if (clusterId.isEmpty()) {
      return ApplyResult.failure("Missing cluster ID", index);
    }
    if (!tables.clusterId().isEmpty() && !tables.clusterId().equals(clusterId)) {
      return ApplyResult.failure(
          "cluster ID already set to " + tables.clusterId() + ", refusing " + clusterId, index);
    }
    tables.clusterId(clusterId);
    return ApplyResult.success(true, index);
  }

  private static ApplyResult done(String error, long index) {
    return error == null ? ApplyResult.success(true, index) : ApplyResult.failure(error, index);
  }
}
