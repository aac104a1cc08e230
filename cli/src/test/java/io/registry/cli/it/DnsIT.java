package io.registry.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Issue 6, "Must show" 1: `registry agent -dev -dns-port P` with three web instances, one
 * whose TCP check passes and two whose checks are critical; an SRV query over UDP for
 * web.service.consul returns the healthy instance and none of the critical ones.
 */
class DnsIT {
  private static final String SERVICES = """
      {"services": [
        {"id": "web-1", "name": "web", "address": "127.0.0.1", "port": %d,
         "check": {"tcp": "127.0.0.1:%d", "interval": "1s", "timeout": "1s"}},
        {"id": "web-2", "name": "web", "address": "127.0.0.1", "port": %d,
         "check": {"tcp": "127.0.0.1:%d", "interval": "1s", "timeout": "1s"}},
        {"id": "web-3", "name": "web", "address": "127.0.0.1", "port": 7003,
         "check": {"ttl": "10m"}}]}
      """;

  @TempDir Path tmp;

  @Test
  void srvReturnsTheHealthyInstancesAndNoneOfTheCriticalOnes() throws IOException {
    int closedPort = AgentProcess.freePort(); // nobody listens: web-2's check is critical
    int dnsPort = AgentProcess.freePort();
    try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> acceptAndClose(listening));
      int up = listening.getLocalPort();
      Path conf = Files.createDirectories(tmp.resolve("conf"));
      Files.writeString(conf.resolve("web.json"), SERVICES.formatted(up, up, closedPort, closedPort));
      try (AgentProcess agent = AgentProcess.startAgent(tmp.resolve("logs"),
          AgentProcess.freePort(), "-dev", "-dns-port", Integer.toString(dnsPort),
          "-server-port", Integer.toString(AgentProcess.freePort()),
          "-raft-port", Integer.toString(AgentProcess.freePort()),
          "-config-dir", conf.toString()).awaitLeader()) {
        assertThat(agent.log()).contains("DNS: " + dnsPort);
        await("web-1 in DNS").atMost(Duration.ofSeconds(30)).ignoreExceptions()
            .untilAsserted(() -> assertThat(srvPorts(dnsPort)).containsExactly(up));
        // Checks keep running: the critical ones stay out on later answers too.
        for (int i = 0; i < 5; i++) {
          assertThat(srvPorts(dnsPort)).containsExactly(up);
        }
      }
    }
  }

  private static List<Integer> srvPorts(int dnsPort) throws IOException {
    SimpleResolver resolver =
        new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), dnsPort));
    resolver.setTimeout(Duration.ofSeconds(2));
    resolver.setEDNS(null); // plain UDP, as dig without +edns
    Message reply = resolver.send(Message.newQuery(Record.newRecord(
        Name.fromString("web.service.consul."), Type.SRV, DClass.IN)));
    assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
    return reply.getSection(Section.ANSWER).stream()
        .map(r -> ((SRVRecord) r).getPort()).toList();
  }

  private static void acceptAndClose(ServerSocket server) {
    while (!server.isClosed()) {
      try (Socket s = server.accept()) {
        s.getInputStream().available();
      } catch (IOException e) {
        return;
      }
    }
  }
}
