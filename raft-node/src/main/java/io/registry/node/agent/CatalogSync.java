package io.registry.node.agent;

import io.registry.catalog.command.Command;
import io.registry.catalog.model.ApplyResult;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.Service;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes local changes to the catalog (the agent's half of anti-entropy). Each pass turns
 * every entry that is neither in sync nor already on its way into commands: a service with
 * all its checks as one Register, a node-level check as its own Register, tombstones as
 * Deregisters, and status-only changes of rows the catalog already has as one UpdateChecks.
 * A failed push leaves its entries out of sync; the next pass (the periodic one at the
 * latest) sends them again.
 */
final class CatalogSync {
  private static final Logger log = LoggerFactory.getLogger(CatalogSync.class);

  /** One entry in a push, at the generation that push carries. */
  private record Pushed(LocalEntry<?> entry, long generation) {}

  private record Push(Command command, List<Pushed> entries) {}

  private final Object lock;
  private final LocalEntries entries;
  private final CatalogCommands commands;
  private final Function<Command, CompletableFuture<ApplyResult>> writer;
  /** Services not to push yet (anti-entropy's first compare decides their tags); under lock. */
  private final Predicate<Service> held;
  /**
   * Held while planning and sending, so commands reach the writer in the order they were
   * planned: a newer version of a row can never be overtaken by an older one.
   */
  private final Object sendOrder = new Object();

  CatalogSync(
      Object lock,
      LocalEntries entries,
      CatalogCommands commands,
      Function<Command, CompletableFuture<ApplyResult>> writer,
      Predicate<Service> held) {
    this.lock = lock;
    this.entries = entries;
    this.commands = commands;
    this.writer = writer;
    this.held = held;
  }

  /** Pushes whatever is out of sync. Must not be called while holding the agent's lock. */
  void pushPending() {
    synchronized (sendOrder) {
      List<Push> pushes;
      synchronized (lock) {
        pushes = plan();
      }
      for (Push p : pushes) {
        send(p);
      }
    }
  }

  private List<Push> plan() {
    List<Push> out = new ArrayList<>();
    Set<String> covered = new HashSet<>();
    for (LocalEntry<Service> s : entries.serviceEntries()) {
      if (s.deleted()) {
        if (s.needsPush()) {
          out.add(push(commands.deregisterService(s.id()), List.of(s)));
        }
        continue;
      }
      List<LocalEntry<LocalCheck>> own = entries.checksOf(s.id());
      if (held.test(s.value())) {
        // Its checks wait too: alone they would be refused for want of their service.
        own.forEach(c -> covered.add(c.id()));
        continue;
      }
      boolean whole = s.needsPush() || own.stream().anyMatch(c -> c.needsPush() && !c.statusOnly());
      if (whole) {
        // The whole service with every check: the catalog needs the service for the checks,
        // and re-sending unchanged rows moves no index there.
        List<LocalEntry<?>> pushed = new ArrayList<>(own);
        pushed.add(s);
        out.add(push(commands.register(s.value(), rows(own)), pushed));
        own.forEach(c -> covered.add(c.id()));
      }
    }
    List<LocalEntry<LocalCheck>> statusOnly = new ArrayList<>();
    for (LocalEntry<LocalCheck> c : entries.checkEntries()) {
      if (!c.needsPush() || covered.contains(c.id())) {
        continue;
      }
      if (c.deleted()) {
        out.add(push(commands.deregisterCheck(c.id()), List.of(c)));
      } else if (c.statusOnly()) {
        statusOnly.add(c);
      } else {
        // Only node-level checks get here: a service check that needs more than a status
        // update made its whole service go above.
        out.add(push(commands.register(null, rows(List.of(c))), List.of(c)));
      }
    }
    if (!statusOnly.isEmpty()) {
      out.add(push(commands.updateChecks(rows(statusOnly)), List.copyOf(statusOnly)));
    }
    return out;
  }

  private static Push push(Command command, List<? extends LocalEntry<?>> pushed) {
    List<Pushed> list = new ArrayList<>(pushed.size());
    for (LocalEntry<?> e : pushed) {
      e.pushing(e.generation());
      list.add(new Pushed(e, e.generation()));
    }
    return new Push(command, list);
  }

  private static List<Check> rows(List<LocalEntry<LocalCheck>> checks) {
    return checks.stream().map(e -> e.value().row()).toList();
  }

  private void send(Push push) {
    CompletableFuture<ApplyResult> result;
    try {
      result = writer.apply(push.command());
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    if (result == null) {
      result = CompletableFuture.failedFuture(new IllegalStateException("writer gave no result"));
    }
    result.whenComplete((r, e) -> acked(push, r, e));
  }

  private void acked(Push push, ApplyResult r, Throwable e) {
    boolean ok = e == null && r != null && r.ok();
    if (!ok) {
      // Expected while there is no leader; the entries stay out of sync and go again later.
      if (e != null) {
        log.debug("Catalog sync of {} failed, will retry: {}", push.command().getOpCase(),
            e.toString());
      } else {
        log.warn("Catalog refused {}: {}", push.command().getOpCase(),
            r == null ? "no result" : r.error());
      }
    }
    synchronized (lock) {
      for (Pushed p : push.entries()) {
        if (p.entry().acked(p.generation(), ok)) {
          entries.drop(p.entry());
        }
      }
    }
  }
}
