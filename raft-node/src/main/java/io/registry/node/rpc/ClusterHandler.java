package io.registry.node.rpc;

import io.registry.node.rpc.proto.Ack;
import io.registry.node.rpc.proto.CommitRequest;
import io.registry.node.rpc.proto.ForwardReply;
import io.registry.node.rpc.proto.ForwardRequest;
import io.registry.node.rpc.proto.HeartbeatReply;
import io.registry.node.rpc.proto.HeartbeatRequest;
import io.registry.node.rpc.proto.HelloReply;
import io.registry.node.rpc.proto.HelloRequest;
import io.registry.node.rpc.proto.NodeRowsReply;
import io.registry.node.rpc.proto.NodeRowsRequest;
import io.registry.node.rpc.proto.PrepareRequest;
import io.registry.node.rpc.proto.PromiseReply;
import io.registry.node.rpc.proto.ReleaseRequest;
import io.registry.node.rpc.proto.ServerChange;

/**
 * What the internal RPC service delegates to. Methods block (they run on virtual threads)
 * and signal a refusal with {@link RefusedException}, a missing leader with
 * {@link io.registry.node.api.NoLeaderException}.
 */
public interface ClusterHandler {
  HelloReply hello(HelloRequest request);

  PromiseReply prepare(PrepareRequest request);

  Ack release(ReleaseRequest request);

  Ack commit(CommitRequest request);

  Ack addServer(ServerChange request);

  Ack removeServer(ServerChange request);

  HeartbeatReply heartbeat(HeartbeatRequest request);

  ForwardReply forward(ForwardRequest request);

  /** The catalog rows of the sender's own node, from this server's replica. */
  NodeRowsReply nodeRows(NodeRowsRequest request);
}
