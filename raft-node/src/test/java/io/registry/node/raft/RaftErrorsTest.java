package io.registry.node.raft;

import static org.assertj.core.api.Assertions.assertThat;

import io.registry.node.api.NoLeaderException;
import java.util.concurrent.CompletionException;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.protocol.exceptions.StateMachineException;
import org.apache.ratis.protocol.exceptions.TimeoutIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RaftErrorsTest {

  @Test
  void unavailableClusterBecomesNoLeader() {
    assertThat(RaftErrors.translate(new CompletionException(new TimeoutIOException("t"))))
        .isInstanceOf(NoLeaderException.class)
        .hasCauseInstanceOf(TimeoutIOException.class);
    assertThat(RaftErrors.translate(new org.apache.ratis.protocol.exceptions.AlreadyClosedException("closed")))
        .isInstanceOf(NoLeaderException.class);
  }

  @Test
  void stateMachineRefusalStaysARequestError() {
    var member = RaftGroupMemberId.valueOf(RaftPeerId.valueOf("n1"), RaftGroupId.randomId());
    var refused = new StateMachineException(member, new IllegalArgumentException("bad bytes"));
    assertThat(RaftErrors.translate(new CompletionException(refused)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Command rejected");
  }

  @Test
  void ourOwnExceptionsPassThrough() {
    var own = new IllegalArgumentException("mine");
    assertThat(RaftErrors.translate(new CompletionException(own))).isSameAs(own);
  }
}
