package io.registry.gateway.grpc;

import com.google.protobuf.Duration;
import io.registry.grpc.v1.Check;
import io.registry.grpc.v1.RegisterRequest;
import io.registry.grpc.v1.ServiceRegistration;
import io.registry.grpc.v1.TcpCheck;
import io.registry.grpc.v1.TtlCheck;

/** Registration requests the gRPC tests send. */
final class Regs {
  private Regs() {}

  static Duration seconds(long s) {
    return Duration.newBuilder().setSeconds(s).build();
  }

  /** An instance with a passing TTL check: healthy until a test fails the check. */
  static RegisterRequest ttl(String name, String id, int port) {
    return RegisterRequest.newBuilder().setService(ServiceRegistration.newBuilder()
            .setName(name).setId(id).setAddress("127.0.0.1").setPort(port)
            .addChecks(Check.newBuilder().setStatus("passing")
                .setTtl(TtlCheck.newBuilder().setTtl(seconds(300)))))
        .build();
  }

  /** An instance with a TCP check on its own port every second, as the tutorial's server. */
  static RegisterRequest tcp(String name, String id, int port) {
    return RegisterRequest.newBuilder().setService(ServiceRegistration.newBuilder()
            .setName(name).setId(id).setAddress("127.0.0.1").setPort(port)
            .addChecks(Check.newBuilder()
                .setTcp(TcpCheck.newBuilder().setAddress("127.0.0.1:" + port))
                .setInterval(seconds(1)).setTimeout(seconds(1))))
        .build();
  }
}
