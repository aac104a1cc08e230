package io.registry.catalog.snapshot;

import io.registry.catalog.model.KvEntry;
import io.registry.catalog.snapshot.proto.CheckRecord;
import io.registry.catalog.snapshot.proto.KvRecord;
import io.registry.catalog.snapshot.proto.MemberRecord;
import io.registry.catalog.snapshot.proto.NodeRecord;
import io.registry.catalog.snapshot.proto.ServiceRecord;
import io.registry.catalog.snapshot.proto.SnapshotHeader;
import io.registry.catalog.snapshot.proto.SnapshotRecord;
import io.registry.catalog.snapshot.proto.SnapshotTrailer;
import io.registry.catalog.table.MemberRows;
import io.registry.catalog.table.RowCodec;
import io.registry.catalog.table.Tables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32C;

/**
 * Reads a stream written by SnapshotWriter into fresh Tables, beside the live ones. Any
 * problem (newer format, bad magic, CRC or counts, truncation) is an IOException and the
 * caller keeps its old state; secondary indexes are rebuilt as rows are inserted.
 */
public final class SnapshotReader {
  private final InputStream in;
  private final CRC32C crc = new CRC32C();
  private final Tables tables = new Tables();
  private final long[] seen = new long[7]; // book, node, service, check, kv, tombstone, member
  private SnapshotHeader header;
  private long records;

  private SnapshotReader(InputStream in) {
    this.in = in;
  }

  public static Tables read(InputStream in) throws IOException {
    return new SnapshotReader(in).readAll();
  }

  private Tables readAll() throws IOException {
    while (true) {
      ByteArrayOutputStream prefix = new ByteArrayOutputStream(5);
      int length = readLength(prefix);
      byte[] body = in.readNBytes(length);
      if (body.length != length) {
        throw new IOException("snapshot truncated inside a record");
      }
      SnapshotRecord record = SnapshotRecord.parseFrom(body);
      if (record.hasTrailer()) {
        verifyTrailer(record.getTrailer());
        if (in.read() != -1) {
          throw new IOException("snapshot has bytes after its trailer");
        }
        return tables;
      }
      crc.update(prefix.toByteArray());
      crc.update(body);
      records++;
      accept(record);
    }
  }

  private void accept(SnapshotRecord record) throws IOException {
    if (header == null && !record.hasHeader()) {
      throw new IOException("snapshot does not start with a header");
    }
    switch (record.getRecordCase()) {
      case HEADER -> header(record.getHeader());
      case BOOK -> {
        tables.book().restore(record.getBook().getKey(), record.getBook().getIndex());
        seen[0]++;
      }
      case NODE -> {
        NodeRecord n = record.getNode();
        tables.putNode(RowCodec.node(n.getRow(), n.getCreateIndex(), n.getModifyIndex()));
        seen[1]++;
      }
      case SERVICE -> {
        ServiceRecord s = record.getService();
        tables.putService(
            RowCodec.service(s.getNode(), s.getRow(), s.getCreateIndex(), s.getModifyIndex()));
        seen[2]++;
      }
      case CHECK -> {
        CheckRecord c = record.getCheck();
        tables.putCheck(
            RowCodec.check(c.getNode(), c.getRow(), c.getCreateIndex(), c.getModifyIndex()));
        seen[3]++;
      }
      case KV -> {
        KvRecord k = record.getKv();
        tables
            .kv()
            .put(
                new KvEntry(
                    k.getKey(),
                    k.getHasValue() ? k.getValue().toByteArray() : null,
                    k.getFlags(),
                    k.getSession().isEmpty() ? null : k.getSession(),
                    k.getLockIndex(),
                    k.getCreateIndex(),
                    k.getModifyIndex()));
        seen[4]++;
      }
      case TOMBSTONE -> {
        tables.kv().putTombstone(record.getTombstone().getKey(), record.getTombstone().getIndex());
        seen[5]++;
      }
      case MEMBER -> {
        MemberRecord m = record.getMember();
        tables.putMember(MemberRows.member(m.getRow(), m.getCreateIndex(), m.getModifyIndex()));
        seen[6]++;
      }
      default -> throw new IOException("unknown snapshot record " + record.getRecordCase());
    }
  }

  private void header(SnapshotHeader h) throws IOException {
    if (header != null) {
      throw new IOException("snapshot has a second header");
    }
    if (!SnapshotFormat.MAGIC.equals(h.getMagic())) {
      throw new IOException("not a catalog snapshot (magic " + h.getMagic() + ")");
    }
    if (h.getFormatVersion() > SnapshotFormat.VERSION) {
      throw new IOException(
          "snapshot format " + h.getFormatVersion() + " is newer than supported "
              + SnapshotFormat.VERSION + ": upgrade required");
    }
    header = h;
    tables.appliedIndex(h.getAppliedIndex());
    tables.clusterId(h.getClusterId());
  }

  private void verifyTrailer(SnapshotTrailer trailer) throws IOException {
    if (header == null) {
      throw new IOException("snapshot has no header");
    }
    if (trailer.getCrc32C() != (int) crc.getValue()) {
      throw new IOException("snapshot CRC32C mismatch");
    }
    if (trailer.getRecordCount() != records) {
      throw new IOException("snapshot record count mismatch");
    }
    long[] expected = {
      header.getBookCount(), header.getNodeCount(), header.getServiceCount(),
      header.getCheckCount(), header.getKvCount(), header.getTombstoneCount(),
      header.getMemberCount()
    };
    for (int i = 0; i < expected.length; i++) {
      if (expected[i] != seen[i]) {
        throw new IOException("snapshot row count mismatch");
      }
    }
  }

  /** A protobuf varint (at most 5 bytes for an int), its raw bytes kept for the CRC. */
  private int readLength(ByteArrayOutputStream raw) throws IOException {
    long value = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("snapshot truncated: no trailer");
      }
      raw.write(b);
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        if (value > SnapshotFormat.MAX_RECORD_BYTES) {
          throw new IOException("snapshot record too large: " + value);
        }
        return (int) value;
      }
    }
    throw new IOException("snapshot record length malformed");
  }
}
