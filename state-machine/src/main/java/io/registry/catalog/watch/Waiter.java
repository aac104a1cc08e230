package io.registry.catalog.watch;

import java.util.concurrent.CompletableFuture;

/** One parked watch: identity matters (it sits in one key's set), so not a record. */
final class Waiter {
  final String key;
  final long seenIndex;
  final CompletableFuture<Void> future = new CompletableFuture<>();

  Waiter(String key, long seenIndex) {
    this.key = key;
    this.seenIndex = seenIndex;
  }
}
