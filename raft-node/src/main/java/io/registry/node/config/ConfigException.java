package io.registry.node.config;

/**
 * A configuration file that cannot be used. The message names the file, the key (as the file
 * spells it, with its path) and the reason: "web.json: service.check.interval: ...".
 */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  /** "file: path: reason", or "file: reason" when the problem is the file as a whole. */
  static ConfigException at(String file, String path, String reason) {
    return new ConfigException(
        path == null || path.isEmpty() ? file + ": " + reason : file + ": " + path + ": " + reason);
  }
}
