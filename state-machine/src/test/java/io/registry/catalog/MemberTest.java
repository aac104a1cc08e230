package io.registry.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.registry.catalog.command.Command;
import io.registry.catalog.command.MemberReap;
import io.registry.catalog.command.MemberUpdate;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.HealthFilter;
import io.registry.catalog.model.Member;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberTest {

  private static Command member(String node, String status) {
    return Command.newBuilder()
        .setMemberUpdate(
            MemberUpdate.newBuilder()
                .setNode(node)
                .setNodeId(java.util.UUID.nameUUIDFromBytes(node.getBytes()).toString())
                .setStatus(status)
                .setAddr("10.0.0.1")
                .setPort(8300)
                .putTags("role", "consul")
                .setRole("server"))
        .build();
  }

  private static String serf(Cat cat, String node) {
    return cat.catalog.nodeChecks(node).value().stream()
        .filter(c -> c.checkId().equals("serfHealth"))
        .map(Check::status)
        .findFirst()
        .orElse("none");
  }

  @Test
  void aliveCreatesNodeAndPassingSerfHealth() {
    Cat cat = new Cat();
    cat.ok(member("n1", Member.ALIVE));
    assertThat(cat.catalog.members()).extracting(Member::name, Member::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("n1", "alive"));
    assertThat(cat.catalog.node("n1").value()).isNotNull();
    assertThat(serf(cat, "n1")).isEqualTo(Check.PASSING);
  }

  @Test
  void failedTurnsSerfHealthCriticalAndDropsServicesFromPassing() {
    Cat cat = new Cat();
    cat.ok(member("n1", Member.ALIVE));
    cat.ok(Commands.register("n1", "web", "web1", java.util.List.of()));
    assertThat(cat.catalog.service("web", HealthFilter.PASSING).value()).hasSize(1);
    cat.ok(member("n1", Member.FAILED));
    assertThat(serf(cat, "n1")).isEqualTo(Check.CRITICAL);
    assertThat(cat.catalog.service("web", HealthFilter.PASSING).value()).isEmpty();
    cat.ok(member("n1", Member.ALIVE));
    assertThat(cat.catalog.service("web", HealthFilter.PASSING).value()).hasSize(1);
  }

  @Test
  void unchangedUpdateMovesNoIndex() {
    Cat cat = new Cat();
    cat.ok(member("n1", Member.ALIVE));
    long before = cat.catalog.indexOf("table:members");
    long nodes = cat.catalog.indexOf("table:nodes");
    cat.ok(member("n1", Member.ALIVE));
    assertThat(cat.catalog.indexOf("table:members")).isEqualTo(before);
    assertThat(cat.catalog.indexOf("table:nodes")).isEqualTo(nodes);
  }

  @Test
  void leftRemovesNodeKeepsMemberUntilReaped() {
    Cat cat = new Cat();
    cat.ok(member("n1", Member.ALIVE));
    cat.ok(member("n1", Member.LEFT));
    assertThat(cat.catalog.node("n1").value()).isNull();
    assertThat(cat.catalog.members()).extracting(Member::status).containsExactly("left");
    cat.ok(Command.newBuilder().setMemberReap(MemberReap.newBuilder().setNode("n1")).build());
    assertThat(cat.catalog.members()).isEmpty();
  }

  @Test
  void badStatusOrNodeIdIsRejectedWithoutChange() {
    Cat cat = new Cat();
    assertThat(cat.apply(member("n1", "gone")).ok()).isFalse();
    Command badId = member("n1", Member.ALIVE).toBuilder()
        .setMemberUpdate(member("n1", Member.ALIVE).getMemberUpdate().toBuilder()
            .setNodeId("not-a-uuid"))
        .build();
    assertThat(cat.apply(badId).ok()).isFalse();
    assertThat(cat.catalog.members()).isEmpty();
    assertThat(cat.catalog.node("n1").value()).isNull();
  }

  @Test
  void membersSurviveSnapshot() throws Exception {
    Cat cat = new Cat();
    cat.ok(member("n1", Member.ALIVE));
    cat.ok(member("n2", Member.FAILED));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    cat.catalog.writeSnapshot(out);
    Catalog restored = new Catalog();
    restored.restoreSnapshot(new ByteArrayInputStream(out.toByteArray()));
    assertThat(restored.members()).isEqualTo(cat.catalog.members());
    assertThat(restored.members().get(0).tags()).isEqualTo(Map.of("role", "consul"));
  }

  @Test
  void reapOfFailedMemberTakesItsNodeAndServicesInOneCommand() {
    Cat cat = new Cat();
    cat.ok(member("c1", Member.ALIVE));
    cat.ok(Commands.register("c1", "web", "web1", java.util.List.of()));
    cat.ok(member("c1", Member.FAILED));
    cat.ok(Command.newBuilder().setMemberReap(MemberReap.newBuilder().setNode("c1")).build());
    assertThat(cat.catalog.members()).isEmpty();
    assertThat(cat.catalog.node("c1").value()).isNull();
    assertThat(cat.catalog.service("web", HealthFilter.ANY).value()).isEmpty();
  }

  @Test
  void conditionalWritesAreRefusedOnceTheRowMoved() {
    Cat cat = new Cat();
    cat.ok(member("c1", Member.ALIVE));
    long failedAt = cat.ok(member("c1", Member.FAILED));
    // The member came back after a leader job read the failed row.
    cat.ok(member("c1", Member.ALIVE));
    var reap = cat.apply(Command.newBuilder().setMemberReap(
        MemberReap.newBuilder().setNode("c1").setIfModifyIndex(failedAt)).build());
    assertThat(reap.ok()).isFalse();
    assertThat(reap.error()).isEqualTo("member c1 changed since index " + failedAt);
    Command schedule = member("c1", Member.FAILED).toBuilder().setMemberUpdate(
        member("c1", Member.FAILED).getMemberUpdate().toBuilder().setReapAtMs(5)
            .setIfModifyIndex(failedAt)).build();
    assertThat(cat.apply(schedule).ok()).isFalse();
    assertThat(cat.catalog.members()).extracting(Member::status, Member::reapAtMs)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("alive", 0L));
    assertThat(cat.catalog.node("c1").value()).isNotNull();

    long current = cat.catalog.members().get(0).modifyIndex();
    cat.ok(schedule.toBuilder().setMemberUpdate(schedule.getMemberUpdate().toBuilder()
        .setIfModifyIndex(current)).build());
    assertThat(cat.catalog.members().get(0).reapAtMs()).isEqualTo(5L);
  }
}
