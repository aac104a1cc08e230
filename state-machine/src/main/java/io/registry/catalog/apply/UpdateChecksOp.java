package io.registry.catalog.apply;

import io.registry.catalog.command.CheckUpdate;
import io.registry.catalog.command.UpdateChecks;
import io.registry.catalog.index.Changes;
import io.registry.catalog.model.Check;
import io.registry.catalog.table.RowKey;
import io.registry.catalog.table.Tables;
import java.util.Set;

/**
 * Status/output batches from anti-entropy and output batching. Same status and output: no-op.
 * New output only: stored, no index moves, nobody wakes (catalog.md sec. 6). New status: a
 * full update.
 */
final class UpdateChecksOp {
  private static final Set<String> STATUSES = Set.of(Check.PASSING, Check.WARNING, Check.CRITICAL);

  private UpdateChecksOp() {}

  /** The outcome: error text (nothing changed) or how many updates named an unknown check. */
  record Outcome(String error, int skipped) {}

  static Outcome apply(Tables tables, Changes changes, UpdateChecks command) {
    for (CheckUpdate update : command.getUpdatesList()) {
      if (!STATUSES.contains(update.getStatus())) {
        return new Outcome("Invalid check status: \"" + update.getStatus() + "\"", 0);
      }
    }
    int skipped = 0;
    for (CheckUpdate update : command.getUpdatesList()) {
      RowKey key = RowKey.of(update.getNode(), update.getCheckId());
      Check old = tables.check(key);
      if (old == null) {
        skipped++;
        continue;
      }
      boolean sameStatus = old.status().equals(update.getStatus());
      if (sameStatus && old.output().equals(update.getOutput())) {
        continue;
      }
      if (sameStatus) {
        tables.putCheck(RegisterOp.withOutput(old, update.getOutput()));
        continue;
      }
      Check next =
          new Check(
              old.node(), old.checkId(), old.name(), update.getStatus(), old.notes(),
              update.getOutput(), old.serviceId(), old.serviceName(), old.serviceTags(),
              old.type(), old.interval(), old.timeout(), old.definition(), old.createIndex(),
              changes.index());
      tables.putCheck(next);
      Effects.check(tables, changes, old, next);
    }
    return new Outcome(null, skipped);
  }
}
