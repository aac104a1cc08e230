package io.registry.node.liveness;

import static org.assertj.core.api.Assertions.assertThat;

import io.registry.catalog.model.Member;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The leader's decisions over a fake monotonic clock; no Raft, no threads. */
class FailureDetectorTest {
  private static final long THRESHOLD = TimeUnit.SECONDS.toNanos(2);
  private static final long GRACE = TimeUnit.SECONDS.toNanos(3);

  private long now = 1_000;
  private final HeartbeatTable table = new HeartbeatTable(() -> now);
  private final FailureDetector detector = new FailureDetector("s1", THRESHOLD, GRACE);

  private static Member row(String status, long modifyIndex) {
    return new Member("c1", "id-c1", status, "127.0.0.1", 0, Map.of(), "client", 0, 1,
        modifyIndex);
  }

  private void advanceSeconds(long s) {
    now += TimeUnit.SECONDS.toNanos(s);
  }

  @Test
  void aFailedTransitionInFlightIsNotHandedOutAgainUntilTheRowMoves() {
    Member alive = row(Member.ALIVE, 5);
    assertThat(detector.tick(true, List.of(alive), table)).isEmpty();
    advanceSeconds(4); // past the grace and the threshold, never heard
    var first = detector.tick(true, List.of(alive), table);
    assertThat(first).extracting(FailureDetector.Transition::status)
        .containsExactly(Member.FAILED);

    // The write has not applied yet: the replica still shows the alive row.
    advanceSeconds(1);
    assertThat(detector.tick(true, List.of(alive), table)).isEmpty();
    assertThat(detector.tick(true, List.of(alive), table)).isEmpty();

    // Applied: the row moved, nothing more to do while it stays silent.
    Member failed = row(Member.FAILED, 6);
    assertThat(detector.tick(true, List.of(failed), table)).isEmpty();

    // Heard again: one alive transition, held the same way.
    table.heard("c1");
    assertThat(detector.tick(true, List.of(failed), table))
        .extracting(FailureDetector.Transition::status).containsExactly(Member.ALIVE);
    assertThat(detector.tick(true, List.of(failed), table)).isEmpty();
  }

  @Test
  void aLostWriteIsDecidedAgainOnTheNextTick() {
    Member alive = row(Member.ALIVE, 5);
    detector.tick(true, List.of(alive), table);
    advanceSeconds(4);
    var first = detector.tick(true, List.of(alive), table);
    assertThat(first).hasSize(1);

    detector.lost(first.get(0));

    assertThat(detector.tick(true, List.of(alive), table))
        .extracting(FailureDetector.Transition::status).containsExactly(Member.FAILED);
  }

  @Test
  void losingLeadershipForgetsTransitionsInFlight() {
    Member alive = row(Member.ALIVE, 5);
    detector.tick(true, List.of(alive), table);
    advanceSeconds(4);
    assertThat(detector.tick(true, List.of(alive), table)).hasSize(1);

    assertThat(detector.tick(false, List.of(alive), table)).isEmpty();
    // Leader again: a fresh grace period, then the same decision once more.
    assertThat(detector.tick(true, List.of(alive), table)).isEmpty();
    advanceSeconds(4);
    assertThat(detector.tick(true, List.of(alive), table)).hasSize(1);
  }
}
