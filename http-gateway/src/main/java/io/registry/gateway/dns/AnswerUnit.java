package io.registry.gateway.dns;

import java.util.List;
import org.xbill.DNS.Record;

/**
 * One answer record with the additional records that serve it (an SRV's target address):
 * trimming for size drops them together, so no glue is left without its answer.
 */
record AnswerUnit(Record answer, List<Record> additional) {
  AnswerUnit {
    additional = List.copyOf(additional);
  }

  AnswerUnit(Record answer) {
    this(answer, List.of());
  }
}
