package io.registry.catalog.snapshot;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.KvEntry;
import io.registry.catalog.model.Member;
import io.registry.catalog.model.Node;
import io.registry.catalog.model.Service;
import io.registry.catalog.snapshot.proto.BookEntry;
import io.registry.catalog.snapshot.proto.CheckRecord;
import io.registry.catalog.snapshot.proto.KvRecord;
import io.registry.catalog.snapshot.proto.MemberRecord;
import io.registry.catalog.snapshot.proto.NodeRecord;
import io.registry.catalog.snapshot.proto.ServiceRecord;
import io.registry.catalog.snapshot.proto.SnapshotHeader;
import io.registry.catalog.snapshot.proto.SnapshotRecord;
import io.registry.catalog.snapshot.proto.SnapshotTrailer;
import io.registry.catalog.snapshot.proto.TombstoneRecord;
import io.registry.catalog.table.MemberRows;
import io.registry.catalog.table.RowCodec;
import io.registry.catalog.table.Tables;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;

/**
 * Writes the catalog as varint-length-prefixed SnapshotRecords (catalog.md sec. 7). Tables
 * are walked in primary-key order and maps are serialized deterministically (sorted keys),
 * so two replicas at one applied index write identical bytes.
 */
public final class SnapshotWriter {
  private final CodedOutputStream coded;
  private long records;

  private SnapshotWriter(CodedOutputStream coded) {
    this.coded = coded;
  }

  /** Caller holds at least the read lock; the stream is flushed, not closed. */
  public static void write(Tables tables, OutputStream out) throws IOException {
    CRC32C crc = new CRC32C();
    CodedOutputStream coded = CodedOutputStream.newInstance(new CheckedOutputStream(out, crc));
    coded.useDeterministicSerialization();
    SnapshotWriter writer = new SnapshotWriter(coded);
    writer.body(tables);
    coded.flush();
    SnapshotTrailer trailer =
        SnapshotTrailer.newBuilder()
            .setRecordCount(writer.records)
            .setCrc32C((int) crc.getValue())
            .build();
    CodedOutputStream tail = CodedOutputStream.newInstance(out);
    tail.writeMessageNoTag(SnapshotRecord.newBuilder().setTrailer(trailer).build());
    tail.flush();
    out.flush();
  }

  private void body(Tables t) throws IOException {
    emit(
        SnapshotRecord.newBuilder()
            .setHeader(
                SnapshotHeader.newBuilder()
                    .setMagic(SnapshotFormat.MAGIC)
                    .setFormatVersion(SnapshotFormat.VERSION)
                    .setAppliedIndex(t.appliedIndex())
                    .setClusterId(t.clusterId())
                    .setBookCount(t.book().rows().size())
                    .setNodeCount(t.nodes().size())
                    .setServiceCount(t.services().size())
                    .setCheckCount(t.checks().size())
                    .setKvCount(t.kv().rows().size())
                    .setTombstoneCount(t.kv().tombstones().size())
                    .setMemberCount(t.members().size())));
    for (Map.Entry<String, Long> e : t.book().rows().entrySet()) {
      emit(
          SnapshotRecord.newBuilder()
              .setBook(BookEntry.newBuilder().setKey(e.getKey()).setIndex(e.getValue())));
    }
    for (Node n : t.nodes()) {
      emit(
          SnapshotRecord.newBuilder()
              .setNode(
                  NodeRecord.newBuilder()
                      .setRow(RowCodec.nodeRow(n))
                      .setCreateIndex(n.createIndex())
                      .setModifyIndex(n.modifyIndex())));
    }
    for (Service s : t.services()) {
      emit(
          SnapshotRecord.newBuilder()
              .setService(
                  ServiceRecord.newBuilder()
                      .setNode(s.node())
                      .setRow(RowCodec.serviceRow(s))
                      .setCreateIndex(s.createIndex())
                      .setModifyIndex(s.modifyIndex())));
    }
    for (Check c : t.checks()) {
      emit(
          SnapshotRecord.newBuilder()
              .setCheck(
                  CheckRecord.newBuilder()
                      .setNode(c.node())
                      .setRow(RowCodec.checkRow(c))
                      .setCreateIndex(c.createIndex())
                      .setModifyIndex(c.modifyIndex())));
    }
    for (KvEntry e : t.kv().rows()) {
      KvRecord.Builder b =
          KvRecord.newBuilder()
              .setKey(e.key())
              .setHasValue(e.value() != null)
              .setFlags(e.flags())
              .setSession(e.session() == null ? "" : e.session())
              .setLockIndex(e.lockIndex())
              .setCreateIndex(e.createIndex())
              .setModifyIndex(e.modifyIndex());
      if (e.value() != null) {
        b.setValue(ByteString.copyFrom(e.value()));
      }
      emit(SnapshotRecord.newBuilder().setKv(b));
    }
    for (Map.Entry<String, Long> e : t.kv().tombstones().entrySet()) {
      emit(
          SnapshotRecord.newBuilder()
              .setTombstone(
                  TombstoneRecord.newBuilder().setKey(e.getKey()).setIndex(e.getValue())));
    }
    members(t);
  }

  private void members(Tables t) throws IOException {
    for (Member m : t.members()) {
      emit(
          SnapshotRecord.newBuilder()
              .setMember(
                  MemberRecord.newBuilder()
                      .setRow(MemberRows.row(m))
                      .setCreateIndex(m.createIndex())
                      .setModifyIndex(m.modifyIndex())));
    }
  }

  private void emit(SnapshotRecord.Builder record) throws IOException {
    coded.writeMessageNoTag(record.build());
    records++;
  }
}
