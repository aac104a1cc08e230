package io.registry.catalog.table;

import io.registry.catalog.command.CheckDefinitionRow;
import io.registry.catalog.command.CheckRow;
import io.registry.catalog.command.NodeRow;
import io.registry.catalog.command.ServiceAddressRow;
import io.registry.catalog.command.ServiceRow;
import io.registry.catalog.command.StringList;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.CheckDefinition;
import io.registry.catalog.model.Node;
import io.registry.catalog.model.Service;
import io.registry.catalog.model.ServiceAddress;
import io.registry.catalog.model.Weights;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact, field-for-field conversion between command/snapshot rows and model records. No
 * defaults are applied here (apply normalizes first), so a snapshot round trip is lossless.
 */
public final class RowCodec {
  private RowCodec() {}

  public static Node node(NodeRow row, long create, long modify) {
    return new Node(
        row.getId(),
        row.getName(),
        row.getAddress(),
        row.getDatacenter(),
        row.getTaggedAddressesMap(),
        row.getMetaMap(),
        create,
        modify);
  }

  public static NodeRow nodeRow(Node node) {
    return NodeRow.newBuilder()
        .setId(node.id())
        .setName(node.name())
        .setAddress(nz(node.address()))
        .setDatacenter(nz(node.datacenter()))
        .putAllTaggedAddresses(node.taggedAddresses())
        .putAllMeta(node.meta())
        .build();
  }

  public static Service service(String node, ServiceRow row, long create, long modify) {
    Map<String, ServiceAddress> tagged = new TreeMap<>();
    row.getTaggedAddressesMap()
        .forEach((k, v) -> tagged.put(k, new ServiceAddress(v.getAddress(), v.getPort())));
    return new Service(
        node,
        row.getId(),
        row.getName(),
        row.getTagsList(),
        row.getAddress(),
        row.getPort(),
        tagged,
        row.getMetaMap(),
        new Weights(row.getWeightPassing(), row.getWeightWarning()),
        row.getEnableTagOverride(),
        row.getKind(),
        create,
        modify);
  }

  public static ServiceRow serviceRow(Service service) {
    ServiceRow.Builder b =
        ServiceRow.newBuilder()
            .setId(service.id())
            .setName(service.name())
            .addAllTags(service.tags())
            .setAddress(service.address())
            .setPort(service.port())
            .putAllMeta(service.meta())
            .setWeightPassing(service.weights().passing())
            .setWeightWarning(service.weights().warning())
            .setEnableTagOverride(service.enableTagOverride())
            .setKind(service.kind());
    service
        .taggedAddresses()
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

  public static Check check(String node, CheckRow row, long create, long modify) {
    return new Check(
        node,
        row.getCheckId(),
        row.getName(),
        row.getStatus(),
        row.getNotes(),
        row.getOutput(),
        row.getServiceId(),
        "",
        List.of(),
        row.getType(),
        row.getInterval(),
        row.getTimeout(),
        row.hasDefinition() ? definition(row.getDefinition()) : CheckDefinition.EMPTY,
        create,
        modify);
  }

  public static CheckRow checkRow(Check check) {
    return CheckRow.newBuilder()
        .setCheckId(check.checkId())
        .setName(check.name())
        .setStatus(nz(check.status()))
        .setNotes(check.notes())
        .setOutput(check.output())
        .setServiceId(check.serviceId())
        .setType(check.type())
        .setInterval(check.interval())
        .setTimeout(check.timeout())
        .setDefinition(definitionRow(check.definition()))
        .build();
  }

  private static CheckDefinition definition(CheckDefinitionRow d) {
    Map<String, List<String>> header = new TreeMap<>();
    d.getHeaderMap().forEach((k, v) -> header.put(k, List.copyOf(v.getValuesList())));
    return new CheckDefinition(
        d.getHttp(),
        d.getMethod(),
        header,
        d.getBody(),
        d.getTlsServerName(),
        d.getTlsSkipVerify(),
        d.getTcp(),
        d.getUdp(),
        d.getGrpc(),
        d.getGrpcUseTls(),
        d.getInterval(),
        d.getTimeout(),
        d.getDeregisterCriticalServiceAfter());
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
    d.header()
        .forEach((k, v) -> b.putHeader(k, StringList.newBuilder().addAllValues(v).build()));
    return b.build();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
