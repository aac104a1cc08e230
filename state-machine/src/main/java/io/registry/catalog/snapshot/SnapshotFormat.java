package io.registry.catalog.snapshot;

/** Constants shared by the snapshot writer and reader. */
final class SnapshotFormat {
  static final String MAGIC = "RGCAT";
  /** Bumped when the record layout changes; restore refuses anything newer. */
  static final int VERSION = 1;
  /** No single record comes near this; a larger length means a corrupt stream. */
  static final int MAX_RECORD_BYTES = 1 << 28;

  private SnapshotFormat() {}
}
