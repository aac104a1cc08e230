package io.registry.catalog;

import static io.registry.catalog.Commands.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.registry.catalog.command.Command;
import io.registry.catalog.command.KvSet;
import io.registry.catalog.model.KvEntry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** KV writes, answers, tombstones and waiters (catalog.md sec. 2, consul-api sec. 8). */
class KvTest {
  private final Cat c = new Cat();

  @Test
  void deletingNewestKeyOfPrefixDoesNotLowerPrefixIndex() {
    c.ok(kvSet("app/a", "1"));
    long newest = c.ok(kvSet("app/b", "2"));
    assertThat(c.catalog.kvList("app/").index()).isEqualTo(newest);

    long deleted = c.ok(kvDelete("app/b"));
    assertThat(c.catalog.kvList("app/").index()).isEqualTo(deleted);

    long tree = c.ok(kvDeleteTree("app/"));
    var empty = c.catalog.kvList("app/");
    assertThat(empty.value()).isEmpty();
    assertThat(empty.index()).isEqualTo(tree);
    assertThat(empty.watchKey()).isEqualTo("kvpre:app/");
  }

  @Test
  void kvCasDeleteAndDeleteTreeFollowConsulAnswersAndTombstones() {
    assertThat(c.apply(kvCas("k", "v1", 0)).value()).isTrue();
    long created = c.catalog.kvGet("k").index();
    assertThat(c.apply(kvCas("k", "v2", 0)).value()).as("cas=0 on present").isFalse();
    assertThat(c.apply(kvCas("k", "v2", created + 100)).value()).as("wrong index").isFalse();
    assertThat(c.apply(kvCas("absent", "v", 7)).value()).as("cas=n on absent").isFalse();
    // A successful CAS that changes nothing answers true and moves nothing.
    assertThat(c.apply(kvCas("k", "v1", created)).value()).isTrue();
    assertThat(c.catalog.kvGet("k").index()).isEqualTo(created);
    assertThat(c.apply(kvCas("k", "v2", created)).value()).isTrue();
    long modified = c.catalog.kvGet("k").value().modifyIndex();
    assertThat(modified).isGreaterThan(created);
    assertThat(c.catalog.kvGet("k").value().createIndex()).isEqualTo(created);

    long tableBefore = c.catalog.indexOf("table:kv");
    assertThat(c.apply(kvDelete("nope")).value()).as("absent delete").isTrue();
    assertThat(c.apply(kvDeleteCas("nope", 5)).value()).as("cas delete of absent").isTrue();
    assertThat(c.catalog.indexOf("table:kv")).isEqualTo(tableBefore);
    assertThat(c.apply(kvDeleteCas("k", 0)).value()).as("cas=0 never deletes").isFalse();
    assertThat(c.apply(kvDeleteCas("k", modified + 1)).value()).isFalse();
    var delete = c.apply(kvDeleteCas("k", modified));
    assertThat(delete.value()).isTrue();
    assertThat(c.catalog.kvGet("k").value()).isNull();
    assertThat(c.catalog.kvGet("k").index()).isEqualTo(delete.index());
    assertThat(c.catalog.kvList("k").index()).as("tombstone").isEqualTo(delete.index());

    c.ok(kvSet("t/1", "a"));
    c.ok(kvSet("t/2", "b"));
    c.ok(kvSet("u", "c"));
    long tree = c.ok(kvDeleteTree("t/"));
    assertThat(c.catalog.kvList("t/").index()).isEqualTo(tree);
    assertThat(c.catalog.kvList("").value()).extracting(KvEntry::key).containsExactly("u");
    long noop = c.ok(kvDeleteTree("t/"));
    assertThat(c.catalog.indexOf("table:kv")).isEqualTo(tree).isLessThan(noop);
  }

  @Test
  void emptyValueIsStoredAsNullAndFlagsAreUnsigned() {
    c.ok(Command.newBuilder().setKvSet(KvSet.newBuilder().setKey("e").setFlags(-1L)).build());
    KvEntry e = c.catalog.kvGet("e").value();
    assertThat(e.value()).isNull();
    assertThat(Long.toUnsignedString(e.flags())).isEqualTo("18446744073709551615");
  }

  @Test
  void keysAreOrderedByCodePointNotUtf16() {
    String astral = "k\uD83D\uDE00"; // U+1F600, UTF-16 surrogates sort below U+FFFD
    String bmp = "k\uFFFD";
    c.ok(kvSet(astral, "1"));
    c.ok(kvSet(bmp, "2"));
    c.ok(kvSet("K", "3"));
    assertThat(c.catalog.kvList("").value()).extracting(KvEntry::key)
        .containsExactly("K", bmp, astral);
    assertThat(c.catalog.kvGet("k" + "\uFFFD").value().value())
        .isEqualTo("2".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void keyWriteWakesItsKeyAndWatchedPrefixesOnly() {
    c.ok(kvSet("a/b/c", "1"));
    c.ok(kvSet("a/x", "1"));
    long seen = c.catalog.appliedIndex();
    CompletableFuture<Void> key = c.catalog.watch("kvkey:a/b/c", seen);
    CompletableFuture<Void> prefix = c.catalog.watch("kvpre:a/b/", seen);
    CompletableFuture<Void> otherKey = c.catalog.watch("kvkey:a/x", seen);
    CompletableFuture<Void> otherPrefix = c.catalog.watch("kvpre:a/x/", seen);

    c.ok(kvSet("a/b/c", "2"));

    assertThat(key).isDone();
    assertThat(prefix).isDone();
    assertThat(otherKey).isNotDone();
    assertThat(otherPrefix).isNotDone();
  }

  @Test
  void deleteTreeWakesWatchedKeysAndPrefixesUnderIt() {
    c.ok(kvSet("d/1", "1"));
    c.ok(kvSet("d/2/z", "1"));
    c.ok(kvSet("e/1", "1"));
    long seen = c.catalog.appliedIndex();
    CompletableFuture<Void> key = c.catalog.watch("kvkey:d/1", seen);
    CompletableFuture<Void> deeper = c.catalog.watch("kvpre:d/2/", seen);
    CompletableFuture<Void> above = c.catalog.watch("kvpre:d", seen);
    CompletableFuture<Void> outside = c.catalog.watch("kvkey:e/1", seen);

    c.ok(kvDeleteTree("d/"));

    assertThat(key).isDone();
    assertThat(deeper).isDone();
    assertThat(above).isDone();
    assertThat(outside).isNotDone();
    assertThat(c.catalog.kvList("d/2/").index()).isEqualTo(seen + 1);
  }

  @Test
  void equalWriteMovesNothingAndWakesNobody() {
    long first = c.ok(kvSet("k", "v"));
    CompletableFuture<Void> waiter = c.catalog.watch("kvkey:k", first);
    c.ok(kvSet("k", "v"));
    assertThat(waiter).isNotDone();
    assertThat(c.catalog.kvGet("k").index()).isEqualTo(first);
    assertThat(c.apply(kvSet("", "v")).error()).isEqualTo("Missing key name");
  }
}
