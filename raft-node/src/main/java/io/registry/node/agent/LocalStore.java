package io.registry.node.agent;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.registry.catalog.model.Service;
import io.registry.node.storage.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's state on disk (data-dir/local): services/, checks/ and ttl/ hold one JSON file
 * per ID. Every write goes through AtomicFiles (temp file, fsync, atomic rename, directory
 * fsync), so a crash leaves either the old or the new file, never a torn one.
 */
final class LocalStore {
  private static final Logger log = LoggerFactory.getLogger(LocalStore.class);
  private static final String SUFFIX = ".json";
  /** What AtomicFiles names its temp files; one left over is an interrupted write. */
  private static final String TEMP_SUFFIX = ".tmp";
  /** Longer encoded IDs are hashed to stay under common file-name limits (255 bytes). */
  private static final int MAX_NAME = 200;

  private final Path services;
  private final Path checks;
  private final Path ttl;
  private final ObjectMapper json;
  /** json with sorted map keys, for digests that must not depend on a map's order. */
  private final ObjectWriter canonical;

  LocalStore(Path dir) {
    this.services = dir.resolve("services");
    this.checks = dir.resolve("checks");
    this.ttl = dir.resolve("ttl");
    this.json = mapper();
    this.canonical = json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  }

  void saveService(Service service) throws IOException {
    write(services, service.id(), service);
  }

  void deleteService(String id) throws IOException {
    Files.deleteIfExists(services.resolve(fileName(id)));
  }

  void saveCheck(LocalCheck check) throws IOException {
    write(checks, check.id(), check);
  }

  /** Removes the check and its TTL state. */
  void deleteCheck(String id) throws IOException {
    Files.deleteIfExists(checks.resolve(fileName(id)));
    Files.deleteIfExists(ttl.resolve(fileName(id)));
  }

  void saveTtl(String checkId, TtlState state) throws IOException {
    write(ttl, checkId, state);
  }

  List<Service> loadServices() throws IOException {
    return loadAll(services, Service.class);
  }

  List<LocalCheck> loadChecks() throws IOException {
    return loadAll(checks, LocalCheck.class);
  }

  Optional<TtlState> loadTtl(String checkId) {
    Path file = ttl.resolve(fileName(checkId));
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(json.readValue(file.toFile(), TtlState.class));
    } catch (IOException e) {
      log.warn("Ignoring unreadable TTL state {}: {}", file, e.toString());
      return Optional.empty();
    }
  }

  /**
   * A digest of what defines check, its status and output left out: the same definition
   * read from the same file gives the same digest in every run (map keys are sorted).
   */
  String definitionOf(LocalCheck check) {
    try {
      return sha256(canonical.writeValueAsBytes(check.withState("", "")));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a check definition is plain data", e);
    }
  }

  /** The file name of an ID: URL-safe base64 of its UTF-8 bytes, or a hash when too long. */
  static String fileName(String id) {
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    String name = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    if (name.length() > MAX_NAME) {
      name = "sha256-" + sha256(bytes);
    }
    return name + SUFFIX;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private void write(Path dir, String id, Object value) throws IOException {
    AtomicFiles.write(dir.resolve(fileName(id)), json.writeValueAsBytes(value));
  }

  /** Every readable file of dir; leftovers of an interrupted write are removed. */
  private <T> List<T> loadAll(Path dir, Class<T> type) throws IOException {
    List<T> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.sorted().toList();
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.endsWith(TEMP_SUFFIX)) {
        Files.deleteIfExists(file);
      } else if (name.endsWith(SUFFIX)) {
        try {
          out.add(json.readValue(file.toFile(), type));
        } catch (IOException e) {
          // One damaged file must not keep the agent (and its other services) from starting.
          log.warn("Ignoring unreadable agent state {}: {}", file, e.toString());
        }
      }
    }
    return out;
  }

  private static ObjectMapper mapper() {
    SimpleModule durations = new SimpleModule("durations-as-nanos");
    durations.addSerializer(Duration.class, new JsonSerializer<>() {
      @Override
      public void serialize(Duration d, JsonGenerator g, SerializerProvider p)
          throws IOException {
        g.writeNumber(d.toNanos());
      }
    });
    durations.addDeserializer(Duration.class, new JsonDeserializer<>() {
      @Override
      public Duration deserialize(JsonParser p, DeserializationContext c) throws IOException {
        return Duration.ofNanos(p.getLongValue());
      }
    });
    return new ObjectMapper()
        .registerModule(durations)
        // Newer versions may add fields; an older agent reading them must still start.
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  }
}
