package io.registry.gateway.json;

import io.registry.catalog.command.CheckDefinitionRow;
import io.registry.catalog.command.CheckRow;
import io.registry.catalog.command.Deregister;
import io.registry.catalog.command.NodeRow;
import io.registry.catalog.command.Register;
import io.registry.catalog.command.ServiceAddressRow;
import io.registry.catalog.command.ServiceRow;
import io.registry.catalog.command.StringList;
import io.registry.catalog.model.ServiceAddress;
import io.registry.catalog.model.Weights;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes /v1/catalog/register and /deregister bodies (§5) into commands. Unknown fields are
 * ignored here: Consul's catalog endpoints do not reject them. Datacenter is returned to the
 * caller through {@link Decoded} so it can apply the ?dc rule.
 */
public final class CatalogBodies {
  private CatalogBodies() {}

  /** A decoded body and the Datacenter it named ("" = local). */
  public record Decoded<T>(T command, String datacenter) {}

  public static Decoded<Register> register(JsonFields f) {
    String dc = nz(f.str("Datacenter"));
    NodeRow.Builder node = NodeRow.newBuilder()
        .setId(nz(f.str("ID")))
        .setName(nz(f.str("Node")))
        .setAddress(nz(f.str("Address")));
    Map<String, String> tagged = f.stringMap("TaggedAddresses");
    if (tagged != null) {
      node.putAllTaggedAddresses(tagged);
    }
    Map<String, String> meta = f.stringMap("NodeMeta");
    if (meta != null) {
      node.putAllMeta(meta);
    }
    Register.Builder reg = Register.newBuilder()
        .setNode(node)
        .setSkipNodeUpdate(f.bool("SkipNodeUpdate"));
    JsonFields svc = f.object("AgentService", "Service");
    if (svc != null) {
      reg.setService(service(svc));
    }
    List<JsonFields> checks = new ArrayList<>();
    JsonFields one = f.object("HealthCheck", "Check");
    if (one != null) {
      checks.add(one);
    }
    checks.addAll(f.objects("HealthCheck", "Checks"));
    for (JsonFields c : checks) {
      reg.addChecks(check(c));
    }
    return new Decoded<>(reg.build(), dc);
  }

  public static Decoded<Deregister> deregister(JsonFields f) {
    String dc = nz(f.str("Datacenter"));
    Deregister d = Deregister.newBuilder()
        .setNode(nz(f.str("Node")))
        .setServiceId(nz(f.str("ServiceID")))
        .setCheckId(nz(f.str("CheckID")))
        .build();
    return new Decoded<>(d, dc);
  }

  private static ServiceRow service(JsonFields s) {
    String name = nz(s.str("Service"));
    String id = nz(s.str("ID"));
    ServiceRow.Builder b = ServiceRow.newBuilder()
        .setId(id.isEmpty() ? name : id)
        .setName(name)
        .setAddress(nz(s.str("Address")))
        .setPort(s.integer("Port"))
        .setEnableTagOverride(s.bool("EnableTagOverride"))
        .setKind(nz(s.str("Kind")));
    List<String> tags = s.strings("Tags");
    if (tags != null) {
      b.addAllTags(tags);
    }
    Map<String, String> meta = s.stringMap("Meta");
    if (meta != null) {
      b.putAllMeta(meta);
    }
    Map<String, ServiceAddress> tagged =
        AgentBodies.serviceAddresses(s.objectMap("ServiceAddress", "TaggedAddresses"));
    if (tagged != null) {
      tagged.forEach((k, v) -> b.putTaggedAddresses(k,
          ServiceAddressRow.newBuilder().setAddress(v.address()).setPort(v.port()).build()));
    }
    Weights w = AgentBodies.weights(s.object("Weights", "Weights"));
    w = w == null ? Weights.DEFAULT : w;
    return b.setWeightPassing(w.passing()).setWeightWarning(w.warning()).build();
  }

  private static CheckRow check(JsonFields c) {
    String name = nz(c.str("Name"));
    String id = nz(c.str("CheckID", "ID"));
    CheckRow.Builder b = CheckRow.newBuilder()
        .setCheckId(id.isEmpty() ? name : id)
        .setName(name)
        .setStatus(nz(c.str("Status")))
        .setNotes(nz(c.str("Notes")))
        .setOutput(nz(c.str("Output")))
        .setServiceId(nz(c.str("ServiceID")))
        .setType(nz(c.str("Type")))
        .setInterval(dur(c.duration("Interval")))
        .setTimeout(dur(c.duration("Timeout")));
    JsonFields d = c.object("HealthCheckDefinition", "Definition");
    if (d != null) {
      CheckDefinitionRow.Builder def = CheckDefinitionRow.newBuilder()
          .setHttp(nz(d.str("HTTP")))
          .setMethod(nz(d.str("Method")))
          .setBody(nz(d.str("Body")))
          .setTlsServerName(nz(d.str("TLSServerName")))
          .setTlsSkipVerify(d.bool("TLSSkipVerify"))
          .setTcp(nz(d.str("TCP")))
          .setUdp(nz(d.str("UDP")))
          .setGrpc(nz(d.str("GRPC")))
          .setGrpcUseTls(d.bool("GRPCUseTLS"))
          .setInterval(dur(d.duration("Interval", "IntervalDuration")))
          .setTimeout(dur(d.duration("Timeout", "TimeoutDuration")))
          .setDeregisterCriticalServiceAfter(dur(d.duration(
              "DeregisterCriticalServiceAfter", "DeregisterCriticalServiceAfterDuration")));
      Map<String, List<String>> header = d.stringListMap("Header");
      if (header != null) {
        header.forEach((k, v) -> def.putHeader(k, StringList.newBuilder().addAllValues(v).build()));
      }
      b.setDefinition(def);
    }
    return b.build();
  }

  private static String dur(Duration d) {
    return d == null ? "" : Durations.format(d);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
