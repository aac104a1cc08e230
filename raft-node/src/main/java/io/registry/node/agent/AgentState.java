package io.registry.node.agent;

import io.registry.catalog.command.Command;
import io.registry.catalog.model.ApplyResult;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.Service;
import io.registry.node.api.NodeIdentity;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;

/**
 * The local agent: owns this node's registered services and checks, TTL timers, and
 * pushing them to the catalog.
 */
public final class AgentState implements LocalAgent, AutoCloseable {

  /**
   * @param self this node
   * @param writer proposes a command through Raft (RegistryNode::write)
   * @param localDir where local state is persisted (data-dir/local); null: not persisted
   * @param clock time source for TTL deadlines
   * @param scheduler runs TTL expiry and sync retries
   */
  public AgentState(
      NodeIdentity self,
      Function<Command, CompletableFuture<ApplyResult>> writer,
      Path localDir,
      Clock clock,
      ScheduledExecutorService scheduler) {
    // TODO(#3): the agent lands in its own commit.
  }

  /** Loads persisted services and checks, starts TTL timers, pushes everything to the catalog. */
  public void start() {
    // TODO(#3): load persisted state and push it; a no-op until the agent lands.
  }

  @Override
  public void close() {}

  @Override
  public void registerService(AgentServiceSpec spec, boolean replaceExistingChecks) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  @Override
  public void deregisterService(String serviceId) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  @Override
  public void registerCheck(AgentCheckSpec spec) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  @Override
  public void deregisterCheck(String checkId) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  @Override
  public void updateTtlCheck(String checkId, String status, String output) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  @Override
  public void setNodeMaintenance(boolean enable, String reason) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  @Override
  public void setServiceMaintenance(String serviceId, boolean enable, String reason) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  @Override
  public Map<String, Service> services() {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  @Override
  public Optional<Service> service(String serviceId) {
    throw new UnsupportedOperationException("TODO(#3)");
  }

  @Override
  public Map<String, Check> checks() {
    throw new UnsupportedOperationException("TODO(#3)");
  }
}
