package io.registry.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.registry.catalog.Catalog;
import io.registry.catalog.command.CheckDefinitionRow;
import io.registry.catalog.command.CheckRow;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.NodeRow;
import io.registry.catalog.command.Register;
import io.registry.catalog.command.ServiceAddressRow;
import io.registry.catalog.command.ServiceRow;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.Service;
import io.registry.node.agent.NodeRows;
import io.registry.node.api.NoLeaderException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A node's rows survive the trip from a server's replica to a client field for field. */
class NodeRowsCodecTest {

  @Test
  void rowsReadFromAReplicaArriveEqualButForTheirIndexes() {
    Catalog catalog = new Catalog();
    catalog.apply(2, Command.newBuilder().setRegister(Register.newBuilder()
        .setNode(NodeRow.newBuilder().setName("c1").setAddress("10.0.0.9"))
        .setService(ServiceRow.newBuilder().setId("web-1").setName("web").addTags("v1")
            .setPort(80).putMeta("k", "v").setEnableTagOverride(true)
            .putTaggedAddresses("lan", ServiceAddressRow.newBuilder().setAddress("10.0.0.9")
                .setPort(80).build()))
        .addChecks(CheckRow.newBuilder().setCheckId("service:web-1").setName("web check")
            .setServiceId("web-1").setStatus("passing").setOutput("ok").setType("http")
            .setInterval("10s").setDefinition(CheckDefinitionRow.newBuilder()
                .setHttp("http://10.0.0.9/health").setInterval("10s"))))
        .build());
    NodeRows onServer = NodeRows.of(catalog, "c1");

    NodeRows onClient = NodeRowsCodec.decode("c1", NodeRowsCodec.answer(catalog, "c1"));

    assertThat(onClient.nodeExists()).isTrue();
    assertThat(onClient.services()).containsExactlyElementsOf(
        onServer.services().stream().map(NodeRowsCodecTest::unindexed).toList());
    assertThat(onClient.checks()).hasSize(1);
    Check c = onClient.checks().get(0);
    Check s = onServer.checks().get(0);
    assertThat(List.of(c.checkId(), c.status(), c.output(), c.serviceId(), c.type()))
        .isEqualTo(List.of(s.checkId(), s.status(), s.output(), s.serviceId(), s.type()));
    assertThat(c.definition()).isEqualTo(s.definition());
  }

  @Test
  void anUnknownNodeIsAbsentAndNoReplicaMeansNoLeader() {
    NodeRows rows = NodeRowsCodec.decode("x", NodeRowsCodec.answer(new Catalog(), "x"));
    assertThat(rows).isEqualTo(NodeRows.ABSENT);
    assertThatThrownBy(() -> NodeRowsCodec.answer(null, "x"))
        .isInstanceOf(NoLeaderException.class);
  }

  private static Service unindexed(Service s) {
    return new Service(s.node(), s.id(), s.name(), s.tags(), s.address(), s.port(),
        s.taggedAddresses(), s.meta(), s.weights(), s.enableTagOverride(), s.kind(), 0, 0);
  }
}
