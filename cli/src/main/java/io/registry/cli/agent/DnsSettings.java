package io.registry.cli.agent;

import io.registry.cli.CliException;
import io.registry.gateway.dns.DnsOptions;
import io.registry.node.config.DnsFileSettings;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the DNS server listens and how it answers, resolved from flags over files over
 * Consul's defaults.
 *
 * @param address bind address: addresses.dns, else the client address
 * @param port UDP and TCP port; -1 = no DNS server, 0 = a free one
 * @param options answering rules
 */
public record DnsSettings(String address, int port, DnsOptions options) {
  public static final int DEFAULT_PORT = 8600;

  /** No DNS server: what settings built without DNS flags or files mean. */
  public static DnsSettings disabled(String address) {
    return new DnsSettings(address, -1, DnsOptions.defaults());
  }

  public boolean enabled() {
    return port >= 0;
  }

  /**
   * -dns-port, -domain and -recursor over the files' keys. A flag counts only when typed
   * (FlagsOverFiles); repeated -recursor flags replace the files' list.
   */
  static DnsSettings resolve(FlagsOverFiles over, DnsFileSettings files, String clientAddress,
      int portFlag, String domainFlag, List<String> recursorFlags) {
    int port = over.pick("-dns-port", portFlag, files.port());
    if (port < -1 || port > 65535) {
      throw new CliException("==> -dns-port must be between 0 and 65535 (-1 disables): " + port);
    }
    String domain = over.pick("-domain", domainFlag, files.domain());
    List<String> recursors = over.list(recursorFlags, files.recursors());
    String address = files.address() != null && !files.address().isBlank()
        ? files.address().strip() : clientAddress;
    return new DnsSettings(address, port, options(files, domain, recursors));
  }

  /** The files' DNS values as options; a bad domain or recursor stops the agent with why. */
  static DnsOptions options(DnsFileSettings files, String domain, List<String> recursors) {
    DnsOptions d = DnsOptions.defaults();
    try {
      List<InetSocketAddress> addresses = new ArrayList<>();
      for (String r : recursors == null ? List.<String>of() : recursors) {
        addresses.add(DnsOptions.recursor(r));
      }
      return new DnsOptions(
          domain == null ? d.domain() : domain,
          first(files.onlyPassing(), d.onlyPassing()),
          first(files.serviceTtl(), d.serviceTtl()),
          first(files.nodeTtl(), d.nodeTtl()),
          first(files.udpAnswerLimit(), d.udpAnswerLimit()),
          first(files.aRecordLimit(), d.aRecordLimit()),
          first(files.enableTruncate(), d.enableTruncate()),
          addresses,
          first(files.recursorTimeout(), d.recursorTimeout()));
    } catch (IllegalArgumentException e) {
      throw new CliException("==> Invalid DNS setting: " + e.getMessage());
    }
  }

  private static <T> T first(T a, T b) {
    return a != null ? a : b;
  }
}
