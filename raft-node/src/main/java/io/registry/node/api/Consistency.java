package io.registry.node.api;

/** Consul's read consistency modes. */
public enum Consistency {
  DEFAULT,
  CONSISTENT,
  STALE
}
