package io.registry.node.rpc;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.registry.node.api.NoLeaderException;
import io.registry.node.rpc.proto.Ack;
import io.registry.node.rpc.proto.ClusterGrpc;
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
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The gRPC face of {@link ClusterHandler}: maps its exceptions onto gRPC status codes. */
final class ClusterRpcService extends ClusterGrpc.ClusterImplBase {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterRpcService.class);
  /** The status text a caller maps back to NoLeaderException. */
  static final String NO_LEADER = "No cluster leader";

  private final ClusterHandler handler;

  ClusterRpcService(ClusterHandler handler) {
    this.handler = handler;
  }

  @Override
  public void hello(HelloRequest request, StreamObserver<HelloReply> out) {
    unary(request, out, handler::hello);
  }

  @Override
  public void prepare(PrepareRequest request, StreamObserver<PromiseReply> out) {
    unary(request, out, handler::prepare);
  }

  @Override
  public void release(ReleaseRequest request, StreamObserver<Ack> out) {
    unary(request, out, handler::release);
  }

  @Override
  public void commit(CommitRequest request, StreamObserver<Ack> out) {
    unary(request, out, handler::commit);
  }

  @Override
  public void addServer(ServerChange request, StreamObserver<Ack> out) {
    unary(request, out, handler::addServer);
  }

  @Override
  public void removeServer(ServerChange request, StreamObserver<Ack> out) {
    unary(request, out, handler::removeServer);
  }

  @Override
  public void heartbeat(HeartbeatRequest request, StreamObserver<HeartbeatReply> out) {
    unary(request, out, handler::heartbeat);
  }

  @Override
  public void forward(ForwardRequest request, StreamObserver<ForwardReply> out) {
    unary(request, out, handler::forward);
  }

  @Override
  public void nodeRows(NodeRowsRequest request, StreamObserver<NodeRowsReply> out) {
    unary(request, out, handler::nodeRows);
  }

  private static <Q, R> void unary(Q request, StreamObserver<R> out, Function<Q, R> call) {
    R reply;
    try {
      reply = call.apply(request);
    } catch (RefusedException e) {
      out.onError(Status.FAILED_PRECONDITION.withDescription(e.getMessage()).asRuntimeException());
      return;
    } catch (NoLeaderException e) {
      out.onError(Status.UNAVAILABLE.withDescription(NO_LEADER).asRuntimeException());
      return;
    } catch (RuntimeException e) {
      LOG.warn("Internal RPC failed", e);
      out.onError(Status.INTERNAL.withDescription(String.valueOf(e.getMessage()))
          .asRuntimeException());
      return;
    }
    out.onNext(reply);
    out.onCompleted();
  }
}
