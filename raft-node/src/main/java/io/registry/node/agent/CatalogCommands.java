package io.registry.node.agent;

import io.registry.catalog.command.CheckDefinitionRow;
import io.registry.catalog.command.CheckRow;
import io.registry.catalog.command.CheckUpdate;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.Deregister;
import io.registry.catalog.command.NodeRow;
import io.registry.catalog.command.Register;
import io.registry.catalog.command.ServiceAddressRow;
import io.registry.catalog.command.ServiceRow;
import io.registry.catalog.command.StringList;
import io.registry.catalog.command.UpdateChecks;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.CheckDefinition;
import io.registry.catalog.model.Service;
import io.registry.node.api.NodeIdentity;
import java.util.List;
import java.util.Map;

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
      r.setService(serviceRow(service));
    }
    for (Check c : checks) {
      r.addChecks(checkRow(c));
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

  private static ServiceRow serviceRow(Service s) {
    ServiceRow.Builder b =
        ServiceRow.newBuilder()
            .setId(s.id())
            .setName(s.name())
            .addAllTags(s.tags())
            .setAddress(s.address())
            .setPort(s.port())
            .putAllMeta(s.meta())
            .setWeightPassing(s.weights().passing())
            .setWeightWarning(s.weights().warning())
            .setEnableTagOverride(s.enableTagOverride())
            .setKind(s.kind());
    s.taggedAddresses()
        .forEach(
            (k, v) ->
                b.putTaggedAddresses(
                    k,
                    ServiceAddressRow.newBuilder()
                        .setAddress(v.address())
                        .setPort(v.port())
                        .build()));
    return b.build();
  }

  private static CheckRow checkRow(Check c) {
    return CheckRow.newBuilder()
        .setCheckId(c.checkId())
        .setName(c.name())
        .setStatus(c.status())
        .setNotes(c.notes())
        .setOutput(c.output())
        .setServiceId(c.serviceId())
        .setType(c.type())
        .setInterval(c.interval())
        .setTimeout(c.timeout())
        .setDefinition(definitionRow(c.definition()))
        .build();
  }

  private static CheckDefinitionRow definitionRow(CheckDefinition d) {
    CheckDefinitionRow.Builder b =
        CheckDefinitionRow.newBuilder()
            .setHttp(d.http())
            .setMethod(d.method())
            .setBody(d.body())
            .setTlsServerName(d.tlsServerName())
            .setTlsSkipVerify(d.tlsSkipVerify())
            .setTcp(d.tcp())
            .setUdp(d.udp())
            .setGrpc(d.grpc())
            .setGrpcUseTls(d.grpcUseTls())
            .setInterval(d.interval())
            .setTimeout(d.timeout())
            .setDeregisterCriticalServiceAfter(d.deregisterCriticalServiceAfter());
    for (Map.Entry<String, List<String>> h : d.header().entrySet()) {
      b.putHeader(h.getKey(), StringList.newBuilder().addAllValues(h.getValue()).build());
    }
    return b.build();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
