package io.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.registry.catalog.command.Command;
import io.registry.catalog.model.Result;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Properties over random command sequences (catalog.md sec. 3.4, 4 and 7). */
class PropertyTest {

  /**
   * After every command, for every query: the index is never 0 and never lower; a waiter
   * parked on the previous answer is woken exactly when its key's index moved past it, and
   * always when the answer changed (output-only check changes excepted, sec. 6).
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void indexNeverZeroNeverDecreasesAndSignalledEqualsMoved(long seed) {
    Cat c = new Cat();
    RandomCommands commands = new RandomCommands(seed);
    Map<String, Function<Catalog, Result<?>>> queries = AllQueries.all();
    for (int step = 0; step < 400; step++) {
      Map<String, Result<?>> before = new LinkedHashMap<>();
      Map<String, CompletableFuture<Void>> waiters = new LinkedHashMap<>();
      queries.forEach((label, q) -> {
        Result<?> r = q.apply(c.catalog);
        before.put(label, r);
        waiters.put(label, c.catalog.watch(r.watchKey(), r.index()));
        assertThat(waiters.get(label)).as("fresh waiter on %s", label).isNotDone();
      });

      Command command = commands.next(c.catalog);
      c.apply(command);

      for (String label : queries.keySet()) {
        Result<?> old = before.get(label);
        Result<?> now = queries.get(label).apply(c.catalog);
        String where = "step " + step + " " + label + " after " + command;
        assertThat(now.index()).as(where).isPositive().isGreaterThanOrEqualTo(old.index());
        boolean moved = c.catalog.indexOf(old.watchKey()) > old.index();
        assertThat(waiters.get(label).isDone()).as(where).isEqualTo(moved);
        if (!Objects.equals(AllQueries.view(now.value(), false), AllQueries.view(old.value(), false))) {
          assertThat(waiters.get(label)).as("changed but asleep: " + where).isDone();
        }
        waiters.get(label).cancel(false);
      }
    }
    assertThat(c.catalog.waiterCount()).isZero();
  }

  /** Snapshot, restore into a fresh catalog, snapshot again: same bytes, same answers. */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13})
  void snapshotRoundTripIsByteIdentical(long seed) throws IOException {
    Cat c = new Cat();
    RandomCommands commands = new RandomCommands(seed);
    for (int step = 0; step < 300; step++) {
      c.apply(commands.next(c.catalog));
    }
    byte[] first = snapshot(c.catalog);
    Catalog restored = new Catalog();
    restored.restoreSnapshot(new ByteArrayInputStream(first));

    assertThat(snapshot(restored)).isEqualTo(first);
    assertThat(restored.appliedIndex()).isEqualTo(c.catalog.appliedIndex());
    assertThat(restored.clusterId()).isEqualTo("test-cluster");
    AllQueries.all().forEach((label, q) -> {
      Result<?> a = q.apply(c.catalog);
      Result<?> b = q.apply(restored);
      assertThat(AllQueries.view(b.value(), true)).as(label)
          .isEqualTo(AllQueries.view(a.value(), true));
      assertThat(b.index()).as(label).isEqualTo(a.index());
      assertThat(b.watchKey()).as(label).isEqualTo(a.watchKey());
    });

    // Both go on identically from there.
    for (int step = 0; step < 100; step++) {
      Command next = commands.next(c.catalog);
      long index = c.catalog.appliedIndex() + 1;
      assertThat(restored.apply(index, next)).isEqualTo(c.catalog.apply(index, next));
    }
    assertThat(snapshot(restored)).isEqualTo(snapshot(c.catalog));
  }

  static byte[] snapshot(Catalog catalog) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    catalog.writeSnapshot(out);
    return out.toByteArray();
  }
}
