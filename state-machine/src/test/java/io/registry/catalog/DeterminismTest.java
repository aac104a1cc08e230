package io.registry.catalog;

import static io.registry.catalog.Commands.kvSet;
import static org.assertj.core.api.Assertions.assertThat;

import io.registry.catalog.model.Result;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Replicas agree whatever the JVM defaults; readers racing apply never lose a wake-up. */
class DeterminismTest {

  @Test
  void replayTwiceGivesIdenticalSnapshotsUnderAnotherLocaleAndTimeZone() throws IOException {
    byte[] here = replay(21);
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    try {
      // Turkish folds "I" to dotless "ı": a default-locale toLowerCase would diverge.
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      assertThat(replay(21)).isEqualTo(here);
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
  }

  @Test
  void waiterRegisteredDuringApplyIsNeverLost() throws Exception {
    Cat c = new Cat();
    AtomicBoolean readersDone = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(5);
    try {
      List<Future<?>> readers = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        readers.add(pool.submit(() -> {
          for (int i = 0; i < 300; i++) {
            Result<?> seen = c.catalog.kvList("race/");
            CompletableFuture<Void> waiter = c.catalog.watch(seen.watchKey(), seen.index());
            // The writer never stops while readers run, so only a lost wake-up hangs here;
            // the bound only turns such a hang into a failure.
            waiter.get(1, TimeUnit.MINUTES);
          }
          return null;
        }));
      }
      Future<?> writer = pool.submit(() -> {
        int n = 0;
        while (!readersDone.get()) {
          c.ok(kvSet("race/" + (n % 7), "v" + n++));
        }
      });
      for (Future<?> reader : readers) {
        reader.get(2, TimeUnit.MINUTES);
      }
      readersDone.set(true);
      writer.get(1, TimeUnit.MINUTES);
      assertThat(c.catalog.waiterCount()).isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  private static byte[] replay(long seed) throws IOException {
    Cat c = new Cat();
    RandomCommands commands = new RandomCommands(seed);
    for (int step = 0; step < 300; step++) {
      c.apply(commands.next(c.catalog));
    }
    c.ok(Commands.register("IDLE-INSTANCE", "INFO", "INFO-1", List.of("I")));
    return PropertyTest.snapshot(c.catalog);
  }
}
