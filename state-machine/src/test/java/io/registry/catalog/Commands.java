package io.registry.catalog;

import com.google.protobuf.ByteString;
import io.registry.catalog.command.CheckRow;
import io.registry.catalog.command.CheckUpdate;
import io.registry.catalog.command.Command;
import io.registry.catalog.command.Deregister;
import io.registry.catalog.command.InitCluster;
import io.registry.catalog.command.KvCas;
import io.registry.catalog.command.KvDelete;
import io.registry.catalog.command.KvDeleteTree;
import io.registry.catalog.command.KvSet;
import io.registry.catalog.command.NodeRow;
import io.registry.catalog.command.Register;
import io.registry.catalog.command.ServiceRow;
import io.registry.catalog.command.UpdateChecks;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Terse command builders for tests. */
final class Commands {
  private Commands() {}

  static Command init(String id) {
    return Command.newBuilder().setInitCluster(InitCluster.newBuilder().setClusterId(id)).build();
  }

  static NodeRow node(String name) {
    return NodeRow.newBuilder().setName(name).setAddress("10.0.0." + (name.hashCode() & 0x7f))
        .build();
  }

  static Command registerNode(String node) {
    return Command.newBuilder().setRegister(Register.newBuilder().setNode(node(node))).build();
  }

  static Command register(String node, String service, String id, List<String> tags,
      CheckRow... checks) {
    Register.Builder r = Register.newBuilder().setNode(node(node));
    if (service != null) {
      r.setService(ServiceRow.newBuilder().setName(service).setId(id).addAllTags(tags));
    }
    for (CheckRow c : checks) {
      r.addChecks(c);
    }
    return Command.newBuilder().setRegister(r).build();
  }

  static Command registerChecks(String node, CheckRow... checks) {
    return register(node, null, "", List.of(), checks);
  }

  static CheckRow check(String id, String serviceId, String status, String output) {
    return CheckRow.newBuilder().setCheckId(id).setName(id).setServiceId(serviceId)
        .setStatus(status).setOutput(output).build();
  }

  static Command update(String node, String checkId, String status, String output) {
    return Command.newBuilder().setUpdateChecks(UpdateChecks.newBuilder().addUpdates(
        CheckUpdate.newBuilder().setNode(node).setCheckId(checkId).setStatus(status)
            .setOutput(output))).build();
  }

  static Command deregisterNode(String node) {
    return Command.newBuilder().setDeregister(Deregister.newBuilder().setNode(node)).build();
  }

  static Command deregisterService(String node, String serviceId) {
    return Command.newBuilder()
        .setDeregister(Deregister.newBuilder().setNode(node).setServiceId(serviceId)).build();
  }

  static Command deregisterCheck(String node, String checkId) {
    return Command.newBuilder()
        .setDeregister(Deregister.newBuilder().setNode(node).setCheckId(checkId)).build();
  }

  static Command kvSet(String key, String value) {
    return Command.newBuilder().setKvSet(KvSet.newBuilder().setKey(key).setValue(bytes(value)))
        .build();
  }

  static Command kvCas(String key, String value, long cas) {
    return Command.newBuilder()
        .setKvCas(KvCas.newBuilder().setKey(key).setValue(bytes(value)).setCas(cas)).build();
  }

  static Command kvDelete(String key) {
    return Command.newBuilder().setKvDelete(KvDelete.newBuilder().setKey(key)).build();
  }

  static Command kvDeleteCas(String key, long cas) {
    return Command.newBuilder().setKvDelete(KvDelete.newBuilder().setKey(key).setCas(cas))
        .build();
  }

  static Command kvDeleteTree(String prefix) {
    return Command.newBuilder().setKvDeleteTree(KvDeleteTree.newBuilder().setPrefix(prefix))
        .build();
  }

  static ByteString bytes(String s) {
    return ByteString.copyFrom(s, StandardCharsets.UTF_8);
  }
}
