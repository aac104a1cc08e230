package io.registry.node.agent;

import io.registry.catalog.Catalog;
import io.registry.catalog.command.CheckRow;
import io.registry.catalog.command.CheckUpdate;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.Deregister;
import io.registry.catalog.command.MemberUpdate;
import io.registry.catalog.command.Register;
import io.registry.catalog.command.ServiceRow;
import io.registry.catalog.command.UpdateChecks;
import io.registry.catalog.model.ApplyResult;
import io.registry.node.raft.SelfRegistration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Stands in for RegistryNode::write and for the replica anti-entropy reads: the agent's
 * commands apply to a real Catalog, so a compare sees exactly the rows its pushes produced.
 * Writes made "by someone else" (the catalog API) go through the external methods.
 */
final class CatalogBackend implements Function<Command, CompletableFuture<ApplyResult>> {
  static final String NODE = AgentHarness.SELF.nodeName();

  final Catalog catalog = new Catalog();
  private final List<Command> commands = new ArrayList<>();
  private long index = 1;
  private boolean readsFail;
  private boolean writesFail;
  private int reads;

  @Override
  public synchronized CompletableFuture<ApplyResult> apply(Command command) {
    commands.add(command);
    if (writesFail) {
      return CompletableFuture.failedFuture(new IllegalStateException("No cluster leader"));
    }
    return CompletableFuture.completedFuture(catalog.apply(++index, command));
  }

  /** The agent's commands since the last call. */
  synchronized List<Command> drain() {
    List<Command> out = List.copyOf(commands);
    commands.clear();
    return out;
  }

  /** Reads this node's rows, as a server's replica answers them; never the node's own rows. */
  CatalogReader reader() {
    return new CatalogReader(this::read, Set.of(SelfRegistration.CONSUL_SERVICE_ID),
        Set.of(SelfRegistration.SERF_CHECK_ID));
  }

  synchronized void writesFail(boolean fail) {
    writesFail = fail;
  }

  synchronized void readsFail(boolean fail) {
    readsFail = fail;
  }

  synchronized int reads() {
    return reads;
  }

  private synchronized CompletableFuture<NodeRows> read() {
    reads++;
    return readsFail
        ? CompletableFuture.failedFuture(new IllegalStateException("No cluster leader"))
        : CompletableFuture.completedFuture(NodeRows.of(catalog, NODE));
  }

  /** What membership writes for a server: the node with serfHealth, then "consul". */
  void joinAsServer() {
    external(Command.newBuilder().setMemberUpdate(MemberUpdate.newBuilder().setNode(NODE)
        .setNodeId(AgentHarness.SELF.nodeId()).setStatus("alive").setAddr("10.0.0.1")
        .setRole("server").setNodeRow(SelfRegistration.nodeRow(AgentHarness.SELF))).build());
    external(SelfRegistration.commands(AgentHarness.SELF, 8300).get(1));
  }

  /** PUT /v1/catalog/register on this node. */
  void registerExternally(ServiceRow service, CheckRow... checks) {
    Register.Builder r = Register.newBuilder()
        .setNode(SelfRegistration.nodeRow(AgentHarness.SELF)).setSkipNodeUpdate(true);
    if (service != null) {
      r.setService(service);
    }
    r.addAllChecks(List.of(checks));
    external(Command.newBuilder().setRegister(r).build());
  }

  /** PUT /v1/catalog/deregister of a service on this node. */
  void deregisterServiceExternally(String serviceId) {
    external(Command.newBuilder().setDeregister(
        Deregister.newBuilder().setNode(NODE).setServiceId(serviceId)).build());
  }

  /** PUT /v1/catalog/deregister of the whole node (what a leave does too). */
  void deregisterNodeExternally() {
    external(Command.newBuilder().setDeregister(Deregister.newBuilder().setNode(NODE)).build());
  }

  void updateCheckExternally(String checkId, String status, String output) {
    external(Command.newBuilder().setUpdateChecks(UpdateChecks.newBuilder().addUpdates(
        CheckUpdate.newBuilder().setNode(NODE).setCheckId(checkId).setStatus(status)
            .setOutput(output))).build());
  }

  private synchronized void external(Command command) {
    ApplyResult r = catalog.apply(++index, command);
    if (!r.ok()) {
      throw new IllegalStateException("catalog refused " + command.getOpCase() + ": "
          + r.error());
    }
  }
}
