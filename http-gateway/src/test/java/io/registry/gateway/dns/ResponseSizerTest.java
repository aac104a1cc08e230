package io.registry.gateway.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class ResponseSizerTest {
  private static final Name QNAME = Name.fromConstantString("web.service.consul.");

  private static List<AnswerUnit> srvUnits(int n) {
    List<AnswerUnit> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Name target = Name.fromConstantString("node-" + i + ".node.dc1.consul.");
      out.add(new AnswerUnit(new SRVRecord(QNAME, DClass.IN, 0, 1, 1, 80, target),
          List.of(new ARecord(target, DClass.IN, 0, new byte[] {10, 0, 0, (byte) i}))));
    }
    return out;
  }

  private static Message base() {
    Message m = new Message(7);
    m.addRecord(Record.newRecord(QNAME, Type.SRV, DClass.IN), Section.QUESTION);
    return m;
  }

  @Test
  void neverEmptyBecauseOfSize() {
    Message m = ResponseSizer.fit(base(), srvUnits(5), 3, 20, true);
    assertThat(m.getSection(Section.ANSWER)).hasSize(1);
    assertThat(m.getSection(Section.ADDITIONAL)).isEmpty();
    assertThat(m.getHeader().getFlag(Flags.TC)).isTrue();
  }

  @Test
  void fitsAsManyAsTheBytesAllowWithTheirAdditionals() {
    Message m = ResponseSizer.fit(base(), srvUnits(200), Integer.MAX_VALUE, 1000, false);
    int kept = m.getSection(Section.ANSWER).size();
    assertThat(kept).isBetween(2, 199);
    assertThat(m.getSection(Section.ADDITIONAL)).hasSize(kept);
    assertThat(m.toWire().length).isLessThanOrEqualTo(1000);
    assertThat(m.getHeader().getFlag(Flags.TC)).isFalse();
    Message one = ResponseSizer.fit(base(), srvUnits(kept + 1), Integer.MAX_VALUE, 1000, false);
    assertThat(one.getSection(Section.ANSWER)).hasSize(kept);
  }

  @Test
  void untrimmedAnswersHaveNoTc() {
    Message m = ResponseSizer.fit(base(), srvUnits(2), 3, 512, true);
    assertThat(m.getSection(Section.ANSWER)).hasSize(2);
    assertThat(m.getHeader().getFlag(Flags.TC)).isFalse();
  }
}
