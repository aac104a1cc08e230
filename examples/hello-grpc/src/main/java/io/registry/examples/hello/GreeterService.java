package io.registry.examples.hello;

import io.grpc.stub.StreamObserver;
import io.registry.examples.hello.proto.GreeterGrpc;
import io.registry.examples.hello.proto.Person;
import java.util.concurrent.atomic.AtomicLong;

/** SayHello: "hello " + name. Counts its calls so a demo (or test) sees who answered. */
final class GreeterService extends GreeterGrpc.GreeterImplBase {
  /** Calls answered so far. */
  private final AtomicLong served = new AtomicLong();

  @Override
  public void sayHello(Person request, StreamObserver<Person> out) {
    served.incrementAndGet();
    out.onNext(Person.newBuilder().setName("hello " + request.getName()).build());
    out.onCompleted();
  }

  long served() {
    return served.get();
  }
}
