package io.registry.gateway.http;

import java.util.concurrent.CompletionStage;

/** One endpoint. Synchronous work runs on the request's virtual thread; blocking queries
 * return a pending stage so a parked query holds no thread. */
@FunctionalInterface
public interface Handler {
  CompletionStage<ApiResponse> handle(ApiRequest request) throws Exception;
}
