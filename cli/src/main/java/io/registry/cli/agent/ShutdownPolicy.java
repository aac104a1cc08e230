package io.registry.cli.agent;

/**
 * What SIGTERM and SIGINT do (consul-api.md sec. 14.3): a graceful leave before exiting, or a
 * plain shutdown that keeps the node's seat (a server stays a Raft voter, a client stays a
 * member that the leader will see go silent).
 *
 * @param leaveOnTerminate leave_on_terminate: SIGTERM leaves first
 * @param skipLeaveOnInterrupt skip_leave_on_interrupt: SIGINT does not leave
 */
public record ShutdownPolicy(boolean leaveOnTerminate, boolean skipLeaveOnInterrupt) {

  /**
   * Consul's defaults by role, each overridden by its config key when set: a client leaves on
   * both signals; a server, whose leave shrinks the quorum, keeps its seat on both.
   */
  static ShutdownPolicy resolve(boolean server, Boolean leaveOnTerminate,
      Boolean skipLeaveOnInterrupt) {
    return new ShutdownPolicy(
        leaveOnTerminate != null ? leaveOnTerminate : !server,
        skipLeaveOnInterrupt != null ? skipLeaveOnInterrupt : server);
  }

  /** Whether the signal ("TERM" or "INT") asks for a graceful leave before the exit. */
  boolean leavesOn(String signal) {
    return switch (signal) {
      case "TERM" -> leaveOnTerminate;
      case "INT" -> !skipLeaveOnInterrupt;
      default -> false;
    };
  }
}
