package io.registry.node.agent;

/**
 * What a TTL check persists on every change, so a restart inside the TTL keeps the status
 * the application last reported. expires: epoch ms after which that status no longer holds.
 * definition: a digest of the check's definition when the state was written; a config-file
 * check, which has no persisted definition, resumes only while its file still says the same.
 */
record TtlState(String status, String output, long expires, String definition) {
  /** Nothing saved: expired at the epoch, so the check starts critical. */
  static final TtlState NONE = new TtlState("", "", 0, "");

  TtlState {
    status = status == null ? "" : status;
    output = output == null ? "" : output;
    // Files written before the digest existed read as "" and match no file check.
    definition = definition == null ? "" : definition;
  }
}
