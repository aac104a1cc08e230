package io.registry.gateway.http;

/**
 * Settings of the HTTP gateway.
 *
 * @param pretty pretty-print every JSON response (what -dev does)
 * @param kvMaxValueSize limits.kv_max_value_size (Consul default 524288)
 * @param ui serve the web UI under /ui/ and redirect GET / there (-ui, ui_config.enabled)
 */
public record GatewayOptions(boolean pretty, int kvMaxValueSize, boolean ui) {
  public static final int DEFAULT_KV_MAX_VALUE_SIZE = 524288;

  /** Without the UI, as before it existed. */
  public GatewayOptions(boolean pretty, int kvMaxValueSize) {
    this(pretty, kvMaxValueSize, false);
  }

  public static GatewayOptions defaults(boolean pretty) {
    return new GatewayOptions(pretty, DEFAULT_KV_MAX_VALUE_SIZE);
  }

  /** A copy with the web UI switched on or off. */
  public GatewayOptions withUi(boolean on) {
    return new GatewayOptions(pretty, kvMaxValueSize, on);
  }
}
