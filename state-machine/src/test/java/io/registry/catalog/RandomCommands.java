package io.registry.catalog;

import static io.registry.catalog.Commands.*;

import io.registry.catalog.command.CheckRow;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.NodeRow;
import io.registry.catalog.command.Register;
import io.registry.catalog.command.ServiceRow;
import io.registry.catalog.model.KvEntry;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Valid and invalid commands over a small name space, so writes collide. Seeded: repeatable. */
final class RandomCommands {
  static final List<String> NODES = List.of("n0", "n1", "n2");
  static final List<String> SERVICES = List.of("s0", "s1", "s2");
  static final List<String> KEYS =
      List.of("a", "a/b", "a/c", "a/b/d", "b/x", "k\uD83D\uDE00", "k\uFFFD", "zz");
  static final List<String> PREFIXES = List.of("", "a", "a/", "a/b", "b/", "k", "q/");
  static final List<String> STATUSES = List.of("passing", "warning", "critical", "");

  private final Random random;

  RandomCommands(long seed) {
    random = new Random(seed);
  }

  Command next(Catalog catalog) {
    int op = random.nextInt(100);
    if (op < 30) {
      return register();
    }
    if (op < 38) {
      return deregisterNode(name(NODES));
    }
    if (op < 46) {
      return deregisterService(name(NODES), pick(SERVICES) + "-" + random.nextInt(2));
    }
    if (op < 50) {
      return deregisterCheck(name(NODES), "c" + random.nextInt(3));
    }
    if (op < 62) {
      return update(pick(NODES), "c" + random.nextInt(3),
          pick(List.of("passing", "warning", "critical")), "out" + random.nextInt(3));
    }
    if (op < 75) {
      return kvSet(pick(KEYS), random.nextInt(4) == 0 ? "" : "v" + random.nextInt(3));
    }
    if (op < 82) {
      KvEntry e = catalog.kvGet(pick(KEYS)).value();
      long cas = e == null || random.nextBoolean() ? random.nextInt(3) : e.modifyIndex();
      return kvCas(e == null ? pick(KEYS) : e.key(), "c" + random.nextInt(3), cas);
    }
    if (op < 90) {
      String key = pick(KEYS);
      KvEntry e = catalog.kvGet(key).value();
      return random.nextBoolean() || e == null ? kvDelete(key) : kvDeleteCas(key, e.modifyIndex());
    }
    if (op < 96) {
      return kvDeleteTree(pick(PREFIXES));
    }
    return Command.newBuilder().setSkipIfUnknown(true).setVersion(9).build();
  }

  private Command register() {
    String node = name(NODES);
    Register.Builder r = Register.newBuilder().setNode(NodeRow.newBuilder().setName(node)
        .setAddress("10.0.0." + random.nextInt(2)).putMeta("m", "" + random.nextInt(2)));
    if (random.nextInt(10) == 0) {
      r.setNode(r.getNode().toBuilder().setAddress("")); // invalid: no address
    }
    String serviceId = null;
    if (random.nextBoolean()) {
      String name = name(SERVICES);
      serviceId = name.toLowerCase(Locale.ROOT) + "-" + random.nextInt(2);
      r.setService(ServiceRow.newBuilder().setName(name).setId(serviceId)
          .addTags("t" + random.nextInt(3)).setPort(8000 + random.nextInt(2))
          .setAddress(random.nextInt(15) == 0 ? "0.0.0.0" : ""));
    }
    int checks = random.nextInt(3);
    for (int i = 0; i < checks; i++) {
      String sid = random.nextBoolean() ? "" : serviceId != null ? serviceId : "s0-0";
      r.addChecks(CheckRow.newBuilder().setCheckId("c" + random.nextInt(3)).setName("check")
          .setServiceId(sid).setStatus(pick(STATUSES)).setOutput("out" + random.nextInt(3)));
    }
    return Command.newBuilder().setRegister(r).build();
  }

  /** A name in random letter case: the catalog must fold it. */
  private String name(List<String> names) {
    String name = pick(names);
    return random.nextInt(4) == 0 ? name.toUpperCase(Locale.ROOT) : name;
  }

  private String pick(List<String> values) {
    return values.get(random.nextInt(values.size()));
  }
}
