package io.registry.gateway.dns;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * Fills a response with as many answers as the transport allows (§13.4): at most maxUnits,
 * then at most maxBytes on the wire, additional records leaving with their answers. Never
 * fewer than one answer because of size: a client is better served by an oversized reply it
 * may retry over TCP than by an empty one that reads as "no instances".
 */
final class ResponseSizer {
  private ResponseSizer() {}

  /**
   * Adds units to base (which holds header, question and OPT) and returns the response.
   * truncate: set TC when answers were left out (dns_config.enable_truncate).
   */
  static Message fit(Message base, List<AnswerUnit> units, int maxUnits, int maxBytes,
      boolean truncate) {
    int most = Math.min(units.size(), Math.max(1, maxUnits));
    Message full = fill(base, units, most, true);
    int keep = most;
    Message out = full;
    if (size(full) > maxBytes) {
      // Largest count that fits, by bisection: O(log n) encodings however large the set.
      int lo = 1;
      int hi = most - 1;
      keep = 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (size(fill(base, units, mid, true)) <= maxBytes) {
          keep = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      out = fill(base, units, keep, true);
      if (keep == 1 && size(out) > maxBytes) {
        out = fill(base, units, 1, false);
      }
    }
    if (keep < units.size() && truncate) {
      out.getHeader().setFlag(Flags.TC);
    }
    return out;
  }

  private static Message fill(Message base, List<AnswerUnit> units, int count,
      boolean additional) {
    Message m = base.clone();
    Set<Record> extra = new LinkedHashSet<>();
    for (AnswerUnit u : units.subList(0, count)) {
      m.addRecord(u.answer(), Section.ANSWER);
      if (additional) {
        extra.addAll(u.additional());
      }
    }
    for (Record r : extra) {
      m.addRecord(r, Section.ADDITIONAL);
    }
    return m;
  }

  private static int size(Message m) {
    return m.toWire().length;
  }
}
