package io.registry.catalog.index;

import io.registry.catalog.table.Names;

/** Resource keys of the index book and of waiters (catalog.md sec. 3.1). */
public final class WatchKeys {
  public static final String NODES = "table:nodes";
  public static final String SERVICES = "table:services";
  public static final String CHECKS = "table:checks";
  public static final String KV = "table:kv";
  public static final String MEMBERS = "table:members";
  public static final String SVC = "svc:";
  public static final String NODE = "node:";
  public static final String STATE = "state:";
  public static final String KVKEY = "kvkey:";
  public static final String KVPRE = "kvpre:";

  private WatchKeys() {}

  public static String service(String name) {
    return SVC + Names.fold(name);
  }

  public static String node(String name) {
    return NODE + Names.fold(name);
  }

  public static String state(String status) {
    return STATE + status;
  }

  public static String kvKey(String key) {
    return KVKEY + key;
  }

  public static String kvPrefix(String prefix) {
    return KVPRE + prefix;
  }
}
