package io.registry.gateway.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The UI's static files, read from the classpath under ui/ (they ship inside the jar) and
 * kept in memory once read: the whole UI is a few tens of KiB.
 *
 * <p>Traversal is impossible by construction: a name is only looked up when every segment
 * matches {@link #SEGMENT}, which allows no empty segment, no leading dot (so no "." or
 * "..") and no backslash; the lookup is a class-loader resource name under a fixed prefix,
 * never a file-system path.
 */
final class UiFiles {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}");
  private static final Map<String, String> TYPES = Map.of(
      "html", "text/html; charset=utf-8",
      "js", "text/javascript; charset=utf-8",
      "css", "text/css; charset=utf-8",
      "svg", "image/svg+xml",
      "png", "image/png",
      "ico", "image/x-icon",
      "json", "application/json",
      "txt", "text/plain; charset=utf-8");

  private final ClassLoader loader;
  private final String root;
  // Name to file; a name that was looked up and is missing is not remembered, so the map
  // holds at most the files that exist.
  private final Map<String, StaticFile> cache = new ConcurrentHashMap<>();

  UiFiles(ClassLoader loader, String root) {
    this.loader = loader;
    this.root = root;
  }

  /** The file at a relative name like "assets/app.js", if the name is safe and it exists. */
  Optional<StaticFile> get(String name) {
    if (!isSafe(name)) {
      return Optional.empty();
    }
    StaticFile hit = cache.get(name);
    if (hit != null) {
      return Optional.of(hit);
    }
    Optional<StaticFile> loaded = load(name);
    loaded.ifPresent(f -> cache.put(name, f));
    return loaded;
  }

  static boolean isSafe(String name) {
    if (name.isEmpty() || name.length() > 300) {
      return false;
    }
    for (String segment : name.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches()) {
        return false;
      }
    }
    return true;
  }

  private Optional<StaticFile> load(String name) {
    String type = TYPES.get(extension(name));
    if (type == null) {
      return Optional.empty();
    }
    try (InputStream in = loader.getResourceAsStream(root + name)) {
      if (in == null) {
        return Optional.empty();
      }
      byte[] bytes = in.readAllBytes();
      return Optional.of(new StaticFile(bytes, type, etag(bytes)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1);
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
