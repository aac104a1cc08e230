package io.registry.gateway.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ClientCalls;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A real gRPC server on loopback that answers every call with its own name, so a test can
 * see which backend a channel picked. Plain strings on the wire keep it free of codegen.
 */
final class EchoBackend implements AutoCloseable {
  static final MethodDescriptor<String, String> WHO = MethodDescriptor.<String, String>newBuilder()
      .setType(MethodDescriptor.MethodType.UNARY)
      .setFullMethodName("test.Echo/Who")
      .setRequestMarshaller(new Utf8())
      .setResponseMarshaller(new Utf8())
      .build();

  final String name;
  private final Server server;

  EchoBackend(String name) {
    this.name = name;
    ServerServiceDefinition service = ServerServiceDefinition.builder("test.Echo")
        .addMethod(WHO, ServerCalls.asyncUnaryCall((request, out) -> {
          out.onNext(name);
          out.onCompleted();
        }))
        .build();
    try {
      server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
          .addService(service).build().start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return server.getPort();
  }

  /** Which backend answered; throws when the call failed. */
  static String call(Channel channel) {
    return ClientCalls.blockingUnaryCall(
        channel, WHO, CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS), "who?");
  }

  /** Stops listening and drops connections, as a killed process would. */
  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private static final class Utf8 implements MethodDescriptor.Marshaller<String> {
    @Override
    public InputStream stream(String value) {
      return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String parse(InputStream stream) {
      try {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
