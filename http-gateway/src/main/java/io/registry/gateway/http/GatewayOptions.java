package io.registry.gateway.http;

/**
 * Settings of the HTTP gateway.
 *
 * @param pretty pretty-print every JSON response (what -dev does)
 * @param kvMaxValueSize limits.kv_max_value_size (Consul default 524288)
 */
public record GatewayOptions(boolean pretty, int kvMaxValueSize) {
  public static final int DEFAULT_KV_MAX_VALUE_SIZE = 524288;

  public static GatewayOptions defaults(boolean pretty) {
    return new GatewayOptions(pretty, DEFAULT_KV_MAX_VALUE_SIZE);
  }
}
