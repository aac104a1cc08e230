package io.registry.node.leader;

import static org.assertj.core.api.Assertions.assertThat;

import io.registry.catalog.model.Member;
import io.registry.node.config.ClusterOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reaper decisions over fake rows, a fixed wall clock and a leadership flag; no timer. */
class ReaperTest {
  private static final Duration RECONNECT = Duration.ofMinutes(1);
  private static final Duration RETENTION = Duration.ofMinutes(5);
  private static final ClusterOptions OPTIONS = ClusterOptions.defaults()
      .withReapTimings(RECONNECT, RETENTION, Duration.ofSeconds(1));
  private static final long NOW = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();

  private final List<String> writes = new ArrayList<>();
  private final List<Member> rows = new ArrayList<>();
  private boolean leader = true;
  private RuntimeException refuseRemoval;

  private final ReapActions actions = new ReapActions() {
    @Override
    public void schedule(Member row, long reapAtMs) {
      writes.add("schedule " + row.name() + " " + (reapAtMs - NOW));
    }

    @Override
    public Member removeServer(Member row) {
      if (refuseRemoval != null) {
        throw refuseRemoval;
      }
      writes.add("remove " + row.name());
      return member(row.name(), Member.LEFT, "server", 0, row.modifyIndex() + 2);
    }

    @Override
    public void reap(Member row) {
      writes.add("reap " + row.name() + " @" + row.modifyIndex());
    }
  };

  private final Reaper reaper = new Reaper(actions, () -> leader, () -> List.copyOf(rows),
      Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC), OPTIONS);

  private static Member member(String name, String status, String role, long reapAt,
      long modifyIndex) {
    return new Member(name, "id-" + name, status, "127.0.0.1", 0, Map.of(), role, reapAt, 1,
        modifyIndex);
  }

  @Test
  void aFollowerNeverWrites() {
    leader = false;
    rows.add(member("c1", Member.FAILED, "client", NOW - 1, 7));
    rows.add(member("c2", Member.LEFT, "client", 0, 8));
    rows.add(member("s3", Member.FAILED, "server", NOW - 1, 9));
    reaper.round();
    reaper.round();
    assertThat(writes).isEmpty();
  }

  @Test
  void rowsWithoutDeadlineAreScheduledFromTheLeadersClock() {
    rows.add(member("c1", Member.FAILED, "client", 0, 7));
    rows.add(member("c2", Member.LEFT, "client", 0, 8));
    rows.add(member("c3", Member.ALIVE, "client", 0, 9));
    rows.add(member("c4", Member.LEAVING, "client", 0, 10));
    reaper.round();
    assertThat(writes).containsExactly(
        "schedule c1 " + RECONNECT.toMillis(), "schedule c2 " + RETENTION.toMillis());
  }

  @Test
  void dueMembersAreReapedOneCommandEachAndOthersWait() {
    rows.add(member("c1", Member.FAILED, "client", NOW, 7));
    rows.add(member("c2", Member.LEFT, "client", NOW - 1000, 8));
    rows.add(member("c3", Member.FAILED, "client", NOW + 1, 9));
    reaper.round();
    assertThat(writes).containsExactly("reap c1 @7", "reap c2 @8");
  }

  @Test
  void aDueFailedServerLeavesTheConfigurationThenItsLeftRowIsReaped() {
    rows.add(member("s3", Member.FAILED, "server", NOW - 1, 9));
    reaper.round();
    assertThat(writes).containsExactly("remove s3", "reap s3 @11");
  }

  @Test
  void aRefusedServerRemovalReapsNothingAndIsTriedAgain() {
    rows.add(member("s3", Member.FAILED, "server", NOW - 1, 9));
    refuseRemoval = new IllegalStateException("removal would break quorum");
    reaper.round();
    assertThat(writes).isEmpty();
    refuseRemoval = null;
    reaper.round();
    assertThat(writes).containsExactly("remove s3", "reap s3 @11");
  }

  @Test
  void leadershipLostMidRoundStopsTheWrites() {
    rows.add(member("c1", Member.FAILED, "client", NOW - 1, 7));
    rows.add(member("c2", Member.FAILED, "client", NOW - 1, 8));
    ReapActions stepDown = new ReapActions() {
      @Override
      public void schedule(Member row, long reapAtMs) {
        actions.schedule(row, reapAtMs);
      }

      @Override
      public Member removeServer(Member row) {
        return actions.removeServer(row);
      }

      @Override
      public void reap(Member row) {
        actions.reap(row);
        leader = false;
      }
    };
    new Reaper(stepDown, () -> leader, () -> List.copyOf(rows),
        Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC), OPTIONS).round();
    assertThat(writes).containsExactly("reap c1 @7");
  }
}
