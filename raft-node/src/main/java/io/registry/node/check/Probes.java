package io.registry.node.check;

import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * The real probes. Blocking probes (script, TCP) run on virtual threads; HTTP clients are
 * shared per TLS/redirect setting, because each java.net.http client owns a selector thread
 * and one client per check would be a thread per check after all.
 */
public final class Probes implements ProbeFactory, AutoCloseable {
  /** What makes two HTTP checks need different clients. */
  private record ClientKey(boolean skipVerify, boolean followRedirects, String serverName) {}

  private final Clock clock;
  private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<ClientKey, HttpClient> clients = new ConcurrentHashMap<>();

  public Probes(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Probe create(ProbeSpec spec, int outputMaxSize) {
    return switch (spec.kind()) {
      case ProbeSpec.HTTP -> new HttpProbe(client(spec), spec, outputMaxSize);
      case ProbeSpec.TCP -> new TcpProbe(spec, blocking, clock);
      case ProbeSpec.SCRIPT -> new ScriptProbe(spec, blocking, outputMaxSize);
      case ProbeSpec.GRPC -> new GrpcProbe(spec, blocking);
      default -> throw new IllegalArgumentException("no probe for check kind " + spec.kind());
    };
  }

  private HttpClient client(ProbeSpec spec) {
    ClientKey key =
        new ClientKey(spec.tlsSkipVerify(), !spec.disableRedirects(), spec.tlsServerName());
    return clients.computeIfAbsent(key, Probes::newClient);
  }

  private static HttpClient newClient(ClientKey key) {
    HttpClient.Builder b = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(key.followRedirects()
            ? HttpClient.Redirect.NORMAL
            : HttpClient.Redirect.NEVER);
    if (key.skipVerify()) {
      try {
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new TrustManager[] {TrustAll.INSTANCE}, new SecureRandom());
        b.sslContext(ssl);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("TLS is required of every JVM", e);
      }
    }
    if (!key.serverName().isEmpty()) {
      SSLParameters params = new SSLParameters();
      params.setServerNames(List.of(new SNIHostName(key.serverName())));
      b.sslParameters(params);
    }
    return b.build();
  }

  @Override
  public void close() {
    blocking.shutdownNow();
    clients.values().forEach(HttpClient::shutdownNow);
    clients.clear();
  }
}
