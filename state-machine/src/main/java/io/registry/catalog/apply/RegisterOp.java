package io.registry.catalog.apply;

import io.registry.catalog.command.CheckRow;
import io.registry.catalog.command.NodeRow;
import io.registry.catalog.command.Register;
import io.registry.catalog.command.ServiceRow;
import io.registry.catalog.index.Changes;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.Node;
import io.registry.catalog.model.Service;
import io.registry.catalog.table.Names;
import io.registry.catalog.table.RowCodec;
import io.registry.catalog.table.RowKey;
import io.registry.catalog.table.Tables;
import java.util.Set;

/**
 * Register: upsert the node, then the service, then the checks, all or nothing (Consul's
 * EnsureRegistration runs in one transaction; every rule is checked here before any change).
 * Each row is compared with the stored one; an unchanged row moves no index.
 */
final class RegisterOp {
  private static final Set<String> ANY_ADDRESSES = Set.of("0.0.0.0", "::", "[::]");
  private static final Set<String> STATUSES = Set.of(Check.PASSING, Check.WARNING, Check.CRITICAL);

  private RegisterOp() {}

  /** Returns null on success, else Consul's error text; nothing was changed on error. */
  static String apply(Tables tables, Changes changes, Register command) {
    ServiceRow service = command.hasService() ? normalize(command.getService()) : null;
    String error = validate(tables, command, service);
    if (error != null) {
      return error;
    }
    long index = changes.index();
    NodeRow nodeRow = command.getNode();
    Node old = tables.node(nodeRow.getName());
    if (old == null || !command.getSkipNodeUpdate()) {
      long create = old == null ? index : old.createIndex();
      long modify = old == null ? index : old.modifyIndex();
      Node candidate = RowCodec.node(nodeRow, create, modify);
      if (!candidate.equals(old)) {
        tables.putNode(RowCodec.node(nodeRow, create, index));
        Effects.node(tables, changes, nodeRow.getName());
      }
    }
    String nodeName = tables.node(nodeRow.getName()).name();
    if (service != null) {
      putService(tables, changes, nodeName, service);
    }
    for (CheckRow check : command.getChecksList()) {
      putCheck(tables, changes, nodeName, normalize(check));
    }
    return null;
  }

  /** Stores a check row; output-only differences are stored without moving any index. */
  static void putCheck(Tables tables, Changes changes, String node, CheckRow row) {
    Check old = tables.check(RowKey.of(node, row.getCheckId()));
    long create = old == null ? changes.index() : old.createIndex();
    long modify = old == null ? changes.index() : old.modifyIndex();
    Check candidate = RowCodec.check(node, row, create, modify);
    if (candidate.equals(old)) {
      return;
    }
    if (old != null && candidate.equals(withOutput(old, candidate.output()))) {
      tables.putCheck(candidate); // output-only (catalog.md sec. 6)
      return;
    }
    Check next = RowCodec.check(node, row, create, changes.index());
    tables.putCheck(next);
    Effects.check(tables, changes, old, next);
  }

  static Check withOutput(Check c, String output) {
    return new Check(
        c.node(), c.checkId(), c.name(), c.status(), c.notes(), output, c.serviceId(),
        c.serviceName(), c.serviceTags(), c.type(), c.interval(), c.timeout(), c.definition(),
        c.createIndex(), c.modifyIndex());
  }

  private static void putService(Tables tables, Changes changes, String node, ServiceRow row) {
    Service old = tables.service(RowKey.of(node, row.getId()));
    long create = old == null ? changes.index() : old.createIndex();
    long modify = old == null ? changes.index() : old.modifyIndex();
    if (RowCodec.service(node, row, create, modify).equals(old)) {
      return;
    }
    Service next = RowCodec.service(node, row, create, changes.index());
    tables.putService(next);
    Effects.service(tables, changes, old, next);
  }

  private static String validate(Tables tables, Register command, ServiceRow service) {
    NodeRow node = command.getNode();
    if (node.getName().isEmpty()) {
      return "Must provide node";
    }
    if (node.getAddress().isEmpty() && !command.getSkipNodeUpdate()) {
      return "Must provide address if SkipNodeUpdate is not set";
    }
    if (!node.getId().isEmpty()) {
      String bad = Uuids.problem(node.getId());
      if (bad != null) {
        return "Bad node ID: " + bad;
      }
    }
    if (service != null) {
      if (service.getName().isEmpty()) {
        return "Must provide service name";
      }
      if (ANY_ADDRESSES.contains(service.getAddress())) {
        return "Invalid service address";
      }
    }
    for (CheckRow raw : command.getChecksList()) {
      CheckRow check = normalize(raw);
      if (check.getCheckId().isEmpty()) {
        return "Must provide check ID or name";
      }
      if (!STATUSES.contains(check.getStatus())) {
        return "Invalid check status: \"" + check.getStatus() + "\"";
      }
      String sid = check.getServiceId();
      boolean inCommand = service != null && Names.fold(service.getId()).equals(Names.fold(sid));
      if (!sid.isEmpty()
          && !inCommand
          && tables.service(RowKey.of(node.getName(), sid)) == null) {
        return "Missing service registration: service \"" + sid + "\" on node \""
            + node.getName() + "\"";
      }
    }
    return null;
  }

  /** Catalog defaults: ID = name; Weights {1,1} unless Passing is given. */
  private static ServiceRow normalize(ServiceRow row) {
    ServiceRow.Builder b = row.toBuilder();
    if (row.getId().isEmpty()) {
      b.setId(row.getName());
    }
    if (row.getWeightPassing() == 0) {
      b.setWeightPassing(1).setWeightWarning(1);
    }
    return b.build();
  }

  /** Catalog defaults: CheckID = Name; a new check without status starts critical. */
  static CheckRow normalize(CheckRow row) {
    CheckRow.Builder b = row.toBuilder();
    if (row.getCheckId().isEmpty()) {
      b.setCheckId(row.getName());
    }
    if (row.getStatus().isEmpty()) {
      b.setStatus(Check.CRITICAL);
    }
    return b.build();
  }
}
