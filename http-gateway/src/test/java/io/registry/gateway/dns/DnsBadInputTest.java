package io.registry.gateway.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Garbage gets FORMERR or silence, never a crash; the server keeps answering. */
class DnsBadInputTest {
  private static DnsFixture fixture;
  private static DnsServer server;
  private static Dig dig;
  private DatagramSocket socket;

  @BeforeAll
  static void start() {
    fixture = DnsFixture.start("bad-node");
    server = DnsServer.start(fixture.node(), "127.0.0.1", 0, DnsOptions.defaults());
    dig = new Dig(server.port());
    fixture.instance("b-a", "10.3.0.1", "web", "web-1", 80, "", "passing");
  }

  @AfterAll
  static void stop() {
    server.close();
    fixture.close();
  }

  @BeforeEach
  void openSocket() throws IOException {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    socket.setSoTimeout(500); // "no answer" costs this wait
  }

  @AfterEach
  void closeSocket() {
    socket.close();
    // Whatever came before, the server still answers a proper query.
    assertThat(Dig.answers(dig.udp("web.service.consul", Type.A))).hasSize(1);
  }

  private static byte[] query(String name, int type) {
    return Message.newQuery(Record.newRecord(Name.fromConstantString(name), type, DClass.IN))
        .toWire();
  }

  private void send(byte[] packet) throws IOException {
    socket.send(new DatagramPacket(packet, packet.length,
        new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port())));
  }

  /** The reply, or null when none came within the socket timeout. */
  private Message exchange(byte[] packet) throws IOException {
    send(packet);
    byte[] buffer = new byte[65535];
    DatagramPacket p = new DatagramPacket(buffer, buffer.length);
    try {
      socket.receive(p);
    } catch (SocketTimeoutException e) {
      return null;
    }
    return new Message(Arrays.copyOf(buffer, p.getLength()));
  }

  @Test
  void randomBytesGetFormerrOrNothing() throws IOException {
    Random random = new Random(42);
    for (int i = 0; i < 50; i++) {
      byte[] junk = new byte[12 + random.nextInt(200)];
      random.nextBytes(junk);
      junk[2] &= 0x07; // a query (QR clear) with opcode QUERY, so it reaches the parser
      junk[5] = 1;
      Message m = exchange(junk);
      if (m != null) {
        assertThat(m.getHeader().getID()).isEqualTo(((junk[0] & 0xff) << 8) | (junk[1] & 0xff));
        assertThat(m.getRcode()).isIn(Rcode.FORMERR, Rcode.NXDOMAIN, Rcode.REFUSED,
            Rcode.NOERROR);
      }
    }
  }

  @Test
  void truncatedHeaderGetsNoAnswer() throws IOException {
    assertThat(exchange(new byte[] {1, 2, 0, 0, 0})).isNull();
  }

  @Test
  void truncatedQuestionGetsFormerr() throws IOException {
    byte[] q = query("web.service.consul.", Type.A);
    Message m = exchange(Arrays.copyOf(q, q.length - 6));
    assertThat(m.getRcode()).isEqualTo(Rcode.FORMERR);
  }

  @Test
  void hugeLabelAndOverlongNameGetFormerr() throws IOException {
    byte[] header = {0, 9, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0};
    byte[] label = new byte[1 + 63 + 1 + 4];
    label[0] = (byte) 0x7f; // a length byte no label may have
    byte[] packet = concat(header, label);
    assertThat(exchange(packet).getRcode()).isEqualTo(Rcode.FORMERR);

    byte[] name = new byte[5 * 64 + 1 + 4]; // five 63-byte labels: past 255 bytes
    for (int i = 0; i < 5; i++) {
      name[i * 64] = 63;
      Arrays.fill(name, i * 64 + 1, i * 64 + 64, (byte) 'a');
    }
    assertThat(exchange(concat(header, name)).getRcode()).isEqualTo(Rcode.FORMERR);
  }

  @Test
  void otherOpcodesAndZoneTransfersAreNotImplemented() throws IOException {
    byte[] update = query("consul.", Type.SOA);
    update[2] |= (byte) (Opcode.UPDATE << 3);
    assertThat(exchange(update).getRcode()).isEqualTo(Rcode.NOTIMP);
    assertThat(exchange(query("consul.", Type.AXFR)).getRcode()).isEqualTo(Rcode.NOTIMP);
  }

  @Test
  void twoQuestionsAreAFormatError() throws IOException {
    Message two = Message.newQuery(Record.newRecord(
        Name.fromConstantString("web.service.consul."), Type.A, DClass.IN));
    two.addRecord(Record.newRecord(Name.fromConstantString("db.service.consul."), Type.A,
        DClass.IN), Section.QUESTION);
    assertThat(exchange(two.toWire()).getRcode()).isEqualTo(Rcode.FORMERR);
  }

  @Test
  void repliesAreNeverAnswered() throws IOException {
    byte[] reply = query("web.service.consul.", Type.A);
    reply[2] |= (byte) 0x80;
    assertThat(exchange(reply)).isNull();
  }

  @Test
  void aFloodIsShedAndTheServerRecovers() throws IOException {
    byte[] good = query("web.service.consul.", Type.A);
    byte[] junk = new byte[300];
    for (int i = 0; i < 3000; i++) {
      send(i % 2 == 0 ? good : junk);
    }
    await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() ->
        assertThat(Dig.answers(dig.udp("web.service.consul", Type.A))).hasSize(1));
  }

  @Test
  void tcpGarbageClosesOnlyThatConnection() throws IOException {
    try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      tcp.setSoTimeout(5000);
      DataOutputStream out = new DataOutputStream(tcp.getOutputStream());
      out.writeShort(3);
      out.write(new byte[] {1, 2, 3});
      out.flush();
      DataInputStream in = new DataInputStream(tcp.getInputStream());
      org.assertj.core.api.Assertions.assertThatThrownBy(in::readUnsignedShort)
          .isInstanceOf(EOFException.class);
    }
    assertThat(Dig.answers(dig.tcp("web.service.consul", Type.A))).hasSize(1);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
