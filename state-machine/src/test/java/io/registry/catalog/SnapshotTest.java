package io.registry.catalog;

import static io.registry.catalog.Commands.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.CodedOutputStream;
import io.registry.catalog.model.HealthFilter;
import io.registry.catalog.snapshot.proto.SnapshotHeader;
import io.registry.catalog.snapshot.proto.SnapshotRecord;
import io.registry.catalog.snapshot.proto.SnapshotTrailer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;

/** Restore checks the stream before it replaces anything (catalog.md sec. 7). */
class SnapshotTest {
  private final Cat c = new Cat();

  @Test
  void restoreRefusesCorruptStream() throws IOException {
    c.ok(register("n1", "web", "w1", List.of("t")));
    c.ok(kvSet("k", "value"));
    byte[] good = PropertyTest.snapshot(c.catalog);
    Catalog target = new Catalog();
    target.apply(1, init("other"));
    target.apply(2, kvSet("mine", "1"));

    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x01;
    assertRefused(target, flipped);
    assertRefused(target, Arrays.copyOf(good, good.length - 3));
    assertRefused(target, Arrays.copyOf(good, good.length + 1));
    assertRefused(target, new byte[0]);
    assertRefused(target, "not a snapshot at all".getBytes());

    target.restoreSnapshot(new ByteArrayInputStream(good));
    assertThat(target.kvGet("mine").value()).isNull();
    assertThat(target.service("web", HealthFilter.ANY).value()).hasSize(1);
  }

  @Test
  void restoreRefusesNewerFormat() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CRC32C crc = new CRC32C();
    SnapshotRecord header = SnapshotRecord.newBuilder().setHeader(SnapshotHeader.newBuilder()
        .setMagic("RGCAT").setFormatVersion(2).setAppliedIndex(9)).build();
    CodedOutputStream coded = CodedOutputStream.newInstance(out);
    coded.writeMessageNoTag(header);
    coded.flush();
    crc.update(out.toByteArray());
    coded.writeMessageNoTag(SnapshotRecord.newBuilder().setTrailer(
        SnapshotTrailer.newBuilder().setRecordCount(1).setCrc32C((int) crc.getValue())).build());
    coded.flush();
    Catalog target = new Catalog();
    target.apply(1, init("keep"));

    assertThatThrownBy(() -> target.restoreSnapshot(new ByteArrayInputStream(out.toByteArray())))
        .isInstanceOf(IOException.class).hasMessageContaining("newer");
    assertThat(target.clusterId()).isEqualTo("keep");
  }

  private static void assertRefused(Catalog target, byte[] bytes) {
    assertThatThrownBy(() -> target.restoreSnapshot(new ByteArrayInputStream(bytes)))
        .isInstanceOf(IOException.class);
    assertThat(target.kvGet("mine").value()).isNotNull();
    assertThat(target.clusterId()).isEqualTo("other");
    assertThat(target.appliedIndex()).isEqualTo(2);
  }
}
