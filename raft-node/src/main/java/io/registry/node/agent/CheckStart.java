package io.registry.node.agent;

/**
 * A check about to be registered, and the saved TTL state it resumes (null: it starts a
 * fresh TTL). Only a config-file TTL check whose definition is unchanged since the saved
 * state was written resumes; its status and output are already those of the saved state.
 */
record CheckStart(LocalCheck check, TtlState resumed) {
  CheckStart {
    if (check == null) {
      throw new IllegalArgumentException("check is required");
    }
  }

  static CheckStart fresh(LocalCheck check) {
    return new CheckStart(check, null);
  }
}
