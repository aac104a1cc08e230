package io.registry.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Space-aligned columns, the way Consul's CLI prints tables: each column as wide as its
 * widest cell, joined by a fixed gap; the last column is not padded so no line ends in
 * blanks.
 */
public final class Table {
  private final List<List<String>> rows = new ArrayList<>();
  private final String gap;

  private Table(String gap) {
    this.gap = gap;
  }

  /** Columns separated by two spaces (Consul's columnize default). */
  public static Table columns(String... header) {
    Table table = new Table("  ");
    if (header.length > 0) {
      table.row(header);
    }
    return table;
  }

  /** Two-column key/value listing with a wider gap (`kv get -detailed`). */
  public static Table keyValue() {
    return new Table("      ");
  }

  public Table row(String... cells) {
    rows.add(List.of(cells));
    return this;
  }

  public Table row(List<String> cells) {
    rows.add(List.copyOf(cells));
    return this;
  }

  /** The rows as text, each line ending in a newline; "" for no rows. */
  public String render() {
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] width = new int[columns];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        line.append(cell);
        if (i < row.size() - 1) {
          line.append(" ".repeat(width[i] - cell.length())).append(gap);
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
