package io.registry.catalog;

import static io.registry.catalog.Commands.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Waiter lifecycle (catalog.md sec. 4). */
class WatchTest {
  private final Cat c = new Cat();

  @Test
  void cancelledWaiterIsRemoved() {
    CompletableFuture<Void> waiter = c.catalog.watch("svc:web", 1);
    CompletableFuture<Void> other = c.catalog.watch("kvpre:app/", 1);
    assertThat(c.catalog.waiterCount()).isEqualTo(2);

    waiter.cancel(false);
    assertThat(c.catalog.waiterCount()).isEqualTo(1);
    other.cancel(false);
    assertThat(c.catalog.waiterCount()).isZero();
    c.ok(kvSet("app/x", "1"));
    assertThat(c.catalog.waiterCount()).isZero();
  }

  @Test
  void timedOutWaiterIsRemoved() {
    CompletableFuture<Void> waiter = c.catalog.watch("table:kv", 1);
    waiter.orTimeout(1, TimeUnit.MILLISECONDS);
    Awaitility.await().until(waiter::isDone);
    assertThat(c.catalog.waiterCount()).isZero();
  }

  @Test
  void waiterAlreadyBehindCompletesAtOnceWithoutParking() {
    long index = c.ok(kvSet("k", "v"));
    assertThat(c.catalog.watch("kvkey:k", index - 1)).isDone();
    assertThat(c.catalog.waiterCount()).isZero();
  }

  @Test
  void signalledWaitersLeaveTheRegistry() {
    c.ok(register("n1", "web", "w1", List.of()));
    CompletableFuture<Void> waiter = c.catalog.watch("svc:web", c.catalog.appliedIndex());
    c.ok(register("n1", "web", "w1", List.of("t")));
    assertThat(waiter).isDone();
    assertThat(c.catalog.waiterCount()).isZero();
  }

  @Test
  void waiterAheadOfTheIndexStaysParkedUntilTheIndexPassesIt() {
    CompletableFuture<Void> waiter = c.catalog.watch("table:kv", 3);
    c.ok(kvSet("a", "1")); // index 2
    assertThat(waiter).isNotDone();
    c.ok(kvSet("a", "2")); // index 3
    assertThat(waiter).isNotDone();
    c.ok(kvSet("a", "3")); // index 4
    assertThat(waiter).isDone();
  }

  @Test
  void restoreWakesEveryWaiter() throws IOException {
    c.ok(kvSet("a", "1"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    c.catalog.writeSnapshot(out);
    CompletableFuture<Void> one = c.catalog.watch("svc:nothing", 100);
    CompletableFuture<Void> two = c.catalog.watch("kvpre:a", 100);

    c.catalog.restoreSnapshot(new ByteArrayInputStream(out.toByteArray()));

    assertThat(one).isDone();
    assertThat(two).isDone();
    assertThat(c.catalog.waiterCount()).isZero();
  }
}
