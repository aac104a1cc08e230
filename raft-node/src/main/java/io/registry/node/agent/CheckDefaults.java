package io.registry.node.agent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Consul's fixed names, texts and limits for agent checks (consul-api.md §4.1–§4.4). */
final class CheckDefaults {
  /** Agent-wide output cap; a check's OutputMaxSize can only lower it (as in Consul). */
  static final int OUTPUT_MAX_SIZE = 4096;

  /** Consul raises shorter intervals to one second rather than refusing them. */
  static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

  static final String NODE_MAINTENANCE_ID = "_node_maintenance";
  static final String NODE_MAINTENANCE_NAME = "Node Maintenance Mode";
  static final String NODE_MAINTENANCE_NOTES =
      "Maintenance mode is enabled for this node, but no reason was provided. This is a"
          + " default message.";
  static final String SERVICE_MAINTENANCE_PREFIX = "_service_maintenance:";
  static final String SERVICE_MAINTENANCE_NAME = "Service Maintenance Mode";
  static final String SERVICE_MAINTENANCE_NOTES =
      "Maintenance mode is enabled for this service, but no reason was provided. This is a"
          + " default message.";
  static final String TYPE_MAINTENANCE = "maintenance";
  static final String TYPE_TTL = "ttl";

  static final String TTL_EXPIRED = "TTL expired";

  private CheckDefaults() {}

  /** `service:<id>` for a lone check, `service:<id>:<n>` (1-based) when there are several. */
  static String serviceCheckId(String serviceId, int position, int count) {
    return count == 1 ? "service:" + serviceId : "service:" + serviceId + ":" + position;
  }

  static String serviceCheckName(String serviceName) {
    return "Service '" + serviceName + "' check";
  }

  static String serviceMaintenanceId(String serviceId) {
    return SERVICE_MAINTENANCE_PREFIX + serviceId;
  }

  /** The effective cap: the agent's, lowered by a positive per-check OutputMaxSize. */
  static int outputMaxSize(Integer perCheck) {
    return perCheck != null && perCheck > 0 && perCheck < OUTPUT_MAX_SIZE
        ? perCheck
        : OUTPUT_MAX_SIZE;
  }

  /**
   * Cuts output to max UTF-8 bytes and says so, as Consul's TTL check does. The cut backs off
   * to a character boundary so the stored text stays valid UTF-8; N counts the bytes kept.
   */
  static String truncate(String output, int max) {
    if (output == null) {
      return "";
    }
    byte[] bytes = output.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= max) {
      return output;
    }
    int cut = max;
    // A UTF-8 continuation byte is 10xxxxxx: never start the dropped part on one.
    while (cut > 0 && (bytes[cut] & 0xC0) == 0x80) {
      cut--;
    }
    String kept = new String(bytes, 0, cut, StandardCharsets.UTF_8);
    return kept + " ... (captured " + cut + " of " + bytes.length + " bytes)";
  }

  static String expiredOutput(String lastOutput) {
    return lastOutput == null || lastOutput.isEmpty()
        ? TTL_EXPIRED
        : TTL_EXPIRED + " (last output before timeout follows): " + lastOutput;
  }

  /** Go's %q for the IDs in Consul's error texts: quotes, backslashes and controls escaped. */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
