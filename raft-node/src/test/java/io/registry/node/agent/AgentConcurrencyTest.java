package io.registry.node.agent;

import static io.registry.node.agent.CheckSpecBuilder.ttl;
import static io.registry.node.agent.ServiceSpecBuilder.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.registry.catalog.command.CheckRow;
import io.registry.catalog.command.CheckUpdate;
import io.registry.catalog.command.Command;
import io.registry.catalog.model.ApplyResult;
import io.registry.catalog.model.Check;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Many threads change the agent while acknowledgements arrive on other threads; once all is
 * quiet, a catalog that applied the proposed commands in order must equal the local state.
 */
class AgentConcurrencyTest {

  /** Applies commands in proposal order to a tiny catalog; answers on another thread. */
  private static final class ApplyingWriter
      implements Function<Command, CompletableFuture<ApplyResult>> {
    final Map<String, String> services = new TreeMap<>();
    /** check ID -> "serviceId|status|output" */
    final Map<String, String> checks = new TreeMap<>();
    final ExecutorService acks = Executors.newFixedThreadPool(2);
    private long index;

    @Override
    public synchronized CompletableFuture<ApplyResult> apply(Command c) {
      switch (c.getOpCase()) {
        case REGISTER -> {
          if (c.getRegister().hasService()) {
            services.put(c.getRegister().getService().getId(), "");
          }
          for (CheckRow r : c.getRegister().getChecksList()) {
            checks.put(r.getCheckId(), r.getServiceId() + "|" + r.getStatus() + "|"
                + r.getOutput());
          }
        }
        case DEREGISTER -> {
          String sid = c.getDeregister().getServiceId();
          if (!sid.isEmpty()) {
            services.remove(sid);
            checks.values().removeIf(v -> v.startsWith(sid + "|"));
          } else {
            checks.remove(c.getDeregister().getCheckId());
          }
        }
        case UPDATE_CHECKS -> {
          for (CheckUpdate u : c.getUpdateChecks().getUpdatesList()) {
            checks.computeIfPresent(u.getCheckId(), (k, v) -> v.substring(0, v.indexOf('|'))
                + "|" + u.getStatus() + "|" + u.getOutput());
          }
        }
        default -> throw new IllegalStateException("unexpected " + c.getOpCase());
      }
      long i = ++index;
      return CompletableFuture.supplyAsync(() -> ApplyResult.success(true, i), acks);
    }
  }

  @Test
  void catalogConvergesToLocalStateUnderConcurrentChanges() throws Exception {
    ApplyingWriter writer = new ApplyingWriter();
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    AgentState agent = new AgentState(AgentHarness.SELF, writer, null, Clock.systemUTC(),
        scheduler);
    agent.start();
    Duration longTtl = Duration.ofHours(1);
    List<CompletableFuture<Void>> workers = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int t = 0; t < 4; t++) {
      String name = "svc-" + t;
      workers.add(CompletableFuture.runAsync(() -> {
        String[] statuses = {"passing", "warning", "critical"};
        for (int i = 0; i < 200; i++) {
          if (i % 50 == 0) {
            agent.registerService(service(name).check(ttl(longTtl)).build(), i % 100 == 0);
          }
          agent.updateTtlCheck("service:" + name, statuses[i % 3], "run " + i);
          if (i % 7 == 0) {
            agent.setServiceMaintenance(name, i % 14 == 0, null);
          }
          if (i == 120 && name.endsWith("0")) {
            agent.deregisterService(name);
            agent.registerService(service(name).check(ttl(longTtl)).build(), false);
          }
        }
      }, pool));
      agent.setNodeMaintenance(t % 2 == 0, null);
    }
    CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
    pool.shutdown();
    writer.acks.shutdown();
    assertThat(writer.acks.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    Map<String, String> local = new TreeMap<>();
    for (Check c : agent.checks().values()) {
      local.put(c.checkId(), c.serviceId() + "|" + c.status() + "|" + c.output());
    }
    synchronized (writer) {
      assertThat(writer.services.keySet()).isEqualTo(agent.services().keySet());
      assertThat(writer.checks).isEqualTo(local);
    }
    agent.close();
    scheduler.shutdownNow();
  }
}
