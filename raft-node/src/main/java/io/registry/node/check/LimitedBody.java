package io.registry.node.check;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps the first max bytes of a response body and then cancels the rest, so a check against
 * an endpoint that streams forever (or sends megabytes) costs at most max bytes of memory.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<String> {
  private final int max;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final CompletableFuture<String> body = new CompletableFuture<>();
  private Flow.Subscription subscription;

  LimitedBody(int max) {
    this.max = Math.max(0, max);
  }

  @Override
  public CompletionStage<String> getBody() {
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (max == 0) {
      s.cancel();
      finish();
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    for (ByteBuffer b : items) {
      int n = Math.min(b.remaining(), max - kept.size());
      byte[] chunk = new byte[n];
      b.get(chunk);
      kept.write(chunk, 0, n);
    }
    if (kept.size() >= max) {
      subscription.cancel();
      finish();
    } else {
      subscription.request(1);
    }
  }

  @Override
  public void onError(Throwable t) {
    // After our own cancel the body is already complete; a later error changes nothing.
    body.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    finish();
  }

  private void finish() {
    body.complete(kept.toString(StandardCharsets.UTF_8));
  }
}
