package io.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.registry.catalog.command.Command;
import io.registry.catalog.model.ApplyResult;

/** A catalog that numbers log entries itself, starting after InitCluster at index 1. */
final class Cat {
  final Catalog catalog = new Catalog();
  long next = 1;

  Cat() {
    apply(Commands.init("test-cluster"));
  }

  ApplyResult apply(Command command) {
    return catalog.apply(next++, command);
  }

  /** Applies and insists the command succeeded; answers its index. */
  long ok(Command command) {
    ApplyResult result = apply(command);
    assertThat(result.ok()).as(result.error()).isTrue();
    return result.index();
  }
}
