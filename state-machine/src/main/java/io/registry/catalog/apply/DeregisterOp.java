package io.registry.catalog.apply;

import io.registry.catalog.command.Deregister;
import io.registry.catalog.index.Changes;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.Node;
import io.registry.catalog.model.Service;
import io.registry.catalog.table.Names;
import io.registry.catalog.table.RowKey;
import io.registry.catalog.table.Tables;

/**
 * Deregister a node (services, checks, then the node), a service (its checks, then it) or a
 * check. An absent target is a success that changes nothing [C state/catalog.go].
 */
final class DeregisterOp {
  private DeregisterOp() {}

  /** Returns null on success, else the error text. */
  static String apply(Tables tables, Changes changes, Deregister command) {
    String node = command.getNode();
    if (node.isEmpty()) {
      return "Must provide node";
    }
    if (tables.node(node) == null) {
      return null;
    }
    if (command.getServiceId().isEmpty() && command.getCheckId().isEmpty()) {
      removeNode(tables, changes, node);
      return null;
    }
    if (!command.getServiceId().isEmpty()) {
      removeService(tables, changes, node, command.getServiceId());
    }
    if (!command.getCheckId().isEmpty()) {
      removeCheck(tables, changes, tables.check(RowKey.of(node, command.getCheckId())));
    }
    return null;
  }

  private static void removeNode(Tables tables, Changes changes, String node) {
    // Services first, in key order: each bumps its svc:<name> while the node still exists.
    for (Service service : tables.servicesOn(node)) {
      removeService(tables, changes, node, service.id());
    }
    for (Check check : tables.checksOn(node)) {
      removeCheck(tables, changes, check);
    }
    Node row = tables.node(node);
    tables.removeNode(node);
    Effects.node(tables, changes, row.name());
  }

  private static void removeService(Tables tables, Changes changes, String node, String id) {
    RowKey key = RowKey.of(node, id);
    Service service = tables.service(key);
    if (service == null) {
      return;
    }
    // Checks before the service, so their effects can still name the service.
    String folded = Names.fold(id);
    for (Check check : tables.checksOn(node)) {
      if (Names.fold(check.serviceId()).equals(folded)) {
        removeCheck(tables, changes, check);
      }
    }
    tables.removeService(key);
    Effects.service(tables, changes, service, null);
  }

  private static void removeCheck(Tables tables, Changes changes, Check check) {
    if (check == null) {
      return;
    }
    Effects.check(tables, changes, check, null);
    tables.removeCheck(RowKey.of(check.node(), check.checkId()));
  }
}
