package io.registry.catalog.apply;

import io.registry.catalog.index.Changes;
import io.registry.catalog.index.WatchKeys;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.Node;
import io.registry.catalog.model.Service;
import io.registry.catalog.table.Names;
import io.registry.catalog.table.RowKey;
import io.registry.catalog.table.Tables;

/**
 * The index effects of a changed row (catalog.md sec. 3.3 and the table of sec. 4). Called
 * only when a row really changed; callers decide that by comparing with the stored row.
 */
final class Effects {
  private Effects() {}

  /** A node row added, changed or removed: it and every service on it. */
  static void node(Tables tables, Changes changes, String node) {
    changes.bump(WatchKeys.node(node));
    changes.bump(WatchKeys.NODES);
    servicesOn(tables, changes, node);
  }

  /** A service row added, changed or removed; old is null when added, next null when removed. */
  static void service(Tables tables, Changes changes, Service old, Service next) {
    Service any = next != null ? next : old;
    if (old != null && next != null
        && !(old.name().equals(next.name()) && old.tags().equals(next.tags()))) {
      // Check rows show the service's name and tags (joined at read), so the check
      // listings keyed on the checks table and on state move with them.
      String id = Names.fold(next.id());
      for (Check check : tables.checksOn(next.node())) {
        if (Names.fold(check.serviceId()).equals(id)) {
          changes.bump(WatchKeys.CHECKS);
          changes.bump(WatchKeys.state(check.status()));
        }
      }
    }
    if (old != null) {
      changes.bump(WatchKeys.service(old.name()));
    }
    if (next != null) {
      changes.bump(WatchKeys.service(next.name()));
    }
    changes.bump(WatchKeys.node(any.node()));
    changes.bump(WatchKeys.SERVICES);
  }

  /** A check added, removed, or changed other than its output. */
  static void check(Tables tables, Changes changes, Check old, Check next) {
    Check any = next != null ? next : old;
    changes.bump(WatchKeys.CHECKS);
    changes.bump(WatchKeys.node(any.node()));
    for (Check c : new Check[] {old, next}) {
      if (c == null) {
        continue;
      }
      changes.bump(WatchKeys.state(c.status()));
      if (c.isNodeLevel()) {
        servicesOn(tables, changes, c.node());
      } else {
        Service service = tables.service(RowKey.of(c.node(), c.serviceId()));
        if (service != null) {
          changes.bump(WatchKeys.service(service.name()));
        }
      }
    }
  }

  /**
   * The removal rule (sec. 3.4): a resource emptied by this apply drops its book row, so
   * reads fall back to the table index, which this apply already raised.
   */
  static void settle(Tables tables, Changes changes) {
    for (String key : changes.keys()) {
      if (key.startsWith(WatchKeys.SVC)) {
        String name = key.substring(WatchKeys.SVC.length());
        if (!tables.hasService(name)) {
          tables.book().drop(key);
        }
      } else if (key.startsWith(WatchKeys.NODE)) {
        Node node = tables.node(key.substring(WatchKeys.NODE.length()));
        if (node == null) {
          tables.book().drop(key);
        }
      }
    }
  }

  private static void servicesOn(Tables tables, Changes changes, String node) {
    for (Service service : tables.servicesOn(node)) {
      changes.bump(WatchKeys.service(service.name()));
    }
  }
}
