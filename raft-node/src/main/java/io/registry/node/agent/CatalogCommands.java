package io.registry.node.agent;

import io.registry.catalog.command.CheckUpdate;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.Deregister;
import io.registry.catalog.command.NodeRow;
import io.registry.catalog.command.Register;
import io.registry.catalog.command.UpdateChecks;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.Service;
import io.registry.catalog.table.RowCodec;
import io.registry.node.api.NodeIdentity;
import java.util.List;

/**
 * The catalog commands the agent proposes. Registers always skip the node update: the node
 * row belongs to membership, the agent only adds its services and checks under it.
 */
final class CatalogCommands {
  private final NodeIdentity self;
  private final NodeRow node;

  CatalogCommands(NodeIdentity self) {
    this.self = self;
    this.node =
        NodeRow.newBuilder()
            .setId(nz(self.nodeId()))
            .setName(self.nodeName())
            .setAddress(nz(self.advertiseAddress()))
            .setDatacenter(nz(self.datacenter()))
            .build();
  }

  /** A service (may be null for node-level checks) with the given checks, all or nothing. */
  Command register(Service service, List<Check> checks) {
    Register.Builder r = Register.newBuilder().setNode(node).setSkipNodeUpdate(true);
    if (service != null) {
      r.setService(RowCodec.serviceRow(service));
    }
    for (Check c : checks) {
      r.addChecks(RowCodec.checkRow(c));
    }
    return Command.newBuilder().setRegister(r).build();
  }

  Command deregisterService(String serviceId) {
    return Command.newBuilder()
        .setDeregister(Deregister.newBuilder().setNode(self.nodeName()).setServiceId(serviceId))
        .build();
  }

  Command deregisterCheck(String checkId) {
    return Command.newBuilder()
        .setDeregister(Deregister.newBuilder().setNode(self.nodeName()).setCheckId(checkId))
        .build();
  }

  /** Status/output changes of checks the catalog already holds, in one command. */
  Command updateChecks(List<Check> checks) {
    UpdateChecks.Builder u = UpdateChecks.newBuilder();
    for (Check c : checks) {
      u.addUpdates(
          CheckUpdate.newBuilder()
              .setNode(self.nodeName())
              .setCheckId(c.checkId())
              .setStatus(c.status())
              .setOutput(c.output()));
    }
    return Command.newBuilder().setUpdateChecks(u).build();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
