package io.registry.catalog.table;

/** Primary key of a per-node row: (fold(node), fold(id)) for services and checks. */
public record RowKey(String node, String id) implements Comparable<RowKey> {

  /** Folds both parts. */
  public static RowKey of(String node, String id) {
    return new RowKey(Names.fold(node), Names.fold(id));
  }

  /** The first key of a node's range. */
  static RowKey first(String foldedNode) {
    return new RowKey(foldedNode, "");
  }

  /** The first key after a node's range: node + "\0" is the next string after node. */
  static RowKey after(String foldedNode) {
    return new RowKey(foldedNode + "\0", "");
  }

  @Override
  public int compareTo(RowKey other) {
    int byNode = node.compareTo(other.node);
    return byNode != 0 ? byNode : id.compareTo(other.id);
  }
}
