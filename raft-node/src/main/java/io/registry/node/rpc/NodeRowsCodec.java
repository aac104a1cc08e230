package io.registry.node.rpc;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.registry.catalog.Catalog;
import io.registry.catalog.command.CheckRow;
import io.registry.catalog.command.ServiceRow;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.Service;
import io.registry.catalog.table.RowCodec;
import io.registry.node.agent.NodeRows;
import io.registry.node.api.NoLeaderException;
import io.registry.node.rpc.proto.NodeRowsReply;
import java.util.ArrayList;
import java.util.List;

/**
 * A node's catalog rows on the wire, in the state machine's own row encoding, so the rows a
 * client compares are exactly those the catalog would store. Indexes do not travel.
 */
public final class NodeRowsCodec {
  private NodeRowsCodec() {}

  /** A server's answer from its replica; no replica yet reads as "no leader" (try another). */
  public static NodeRowsReply answer(Catalog replica, String node) {
    if (replica == null) {
      throw new NoLeaderException();
    }
    return encode(NodeRows.of(replica, node));
  }

  public static NodeRowsReply encode(NodeRows rows) {
    NodeRowsReply.Builder b = NodeRowsReply.newBuilder().setNodeExists(rows.nodeExists());
    rows.services().forEach(s -> b.addServices(RowCodec.serviceRow(s).toByteString()));
    rows.checks().forEach(c -> b.addChecks(RowCodec.checkRow(c).toByteString()));
    return b.build();
  }

  /** The rows, attributed to node; throws IllegalStateException on undecodable bytes. */
  public static NodeRows decode(String node, NodeRowsReply reply) {
    try {
      List<Service> services = new ArrayList<>();
      for (ByteString bytes : reply.getServicesList()) {
        services.add(RowCodec.service(node, ServiceRow.parseFrom(bytes), 0, 0));
      }
      List<Check> checks = new ArrayList<>();
      for (ByteString bytes : reply.getChecksList()) {
        checks.add(RowCodec.check(node, CheckRow.parseFrom(bytes), 0, 0));
      }
      return new NodeRows(reply.getNodeExists(), services, checks);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("undecodable node rows", e);
    }
  }
}
