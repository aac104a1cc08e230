package io.registry.cli.kv;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.cli.CliException;
import io.registry.cli.ClientOptions;
import io.registry.cli.Console;
import io.registry.cli.Table;
import io.registry.cli.Verb;
import io.registry.cli.http.ConsulHttp;
import io.registry.cli.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `registry kv get`: one value, a prefix (-recurse) or the keys under a prefix (-keys). */
@Command(name = "get", description = "Reads a key, or the keys under a prefix.")
public final class KvGet extends Verb {
  @Mixin ClientOptions client;

  @Option(names = {"-recurse", "--recurse"}, arity = "0..1", fallbackValue = "true",
      description = "Every key under the prefix, as key:value lines.")
  boolean recurse;

  @Option(names = {"-keys", "--keys"}, arity = "0..1", fallbackValue = "true",
      description = "Only the key names under the prefix.")
  boolean keys;

  @Option(names = {"-separator", "--separator"}, defaultValue = "/",
      description = "With -keys: fold keys after this separator (default /).")
  String separator;

  @Option(names = {"-detailed", "--detailed"}, arity = "0..1", fallbackValue = "true",
      description = "Print every field of the entry.")
  boolean detailed;

  @Option(names = {"-base64", "--base64"}, arity = "0..1", fallbackValue = "true",
      description = "Print values base64-encoded.")
  boolean base64;

  @Parameters(arity = "0..1", paramLabel = "KEY_OR_PREFIX", defaultValue = "")
  String key;

  public KvGet(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    if (key.isEmpty() && !recurse && !keys) {
      throw new CliException("Error! Missing KEY argument");
    }
    if (keys) {
      return printKeys();
    }
    String query = client.query(recurse ? "recurse" : "");
    ConsulHttp.Answer answer = client.client().get(KvCommand.path(key) + query);
    if (answer.status() == 404) {
      if (recurse) {
        return 0; // an empty prefix is not an error in Consul
      }
      throw new CliException("Error! No key exists at: " + key);
    }
    JsonNode pairs = Json.parse(answer.orFail("querying Consul agent").body());
    for (int i = 0; i < pairs.size(); i++) {
      JsonNode pair = pairs.get(i);
      if (detailed) {
        if (i > 0) {
          console.out().println();
        }
        console.out().print(detailedEntry(pair, base64));
      } else if (recurse) {
        writeLine(Json.text(pair, "Key") + ":", value(pair, base64));
      } else {
        writeLine("", value(pair, base64));
      }
    }
    return 0;
  }

  private int printKeys() {
    String query = client.query("keys", "separator=" + ConsulHttp.escapeQuery(separator));
    ConsulHttp.Answer answer = client.client().get(KvCommand.path(key) + query);
    if (answer.status() == 404) {
      return 0;
    }
    for (JsonNode k : Json.parse(answer.orFail("querying Consul agent").body())) {
      console.out().println(k.asText());
    }
    return 0;
  }

  /** Writes a prefix and the stored bytes unchanged (values may be binary), then a newline. */
  private void writeLine(String prefix, byte[] value) {
    try {
      console.out().write(prefix.getBytes(StandardCharsets.UTF_8));
      console.out().write(value);
      console.out().write('\n');
      console.out().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The decoded Value of a KVPair (null means empty), or its base64 text with -base64. */
  static byte[] value(JsonNode pair, boolean asBase64) {
    String encoded = Json.text(pair, "Value");
    if (asBase64) {
      return encoded.getBytes(StandardCharsets.US_ASCII);
    }
    return Base64.getDecoder().decode(encoded);
  }

  /** Consul's `-detailed` block: one sorted field per line, Session `-` when unlocked. */
  public static String detailedEntry(JsonNode pair, boolean asBase64) {
    String session = Json.text(pair, "Session");
    return Table.keyValue()
        .row("CreateIndex", pair.path("CreateIndex").asText())
        .row("Flags", pair.path("Flags").asText())
        .row("Key", Json.text(pair, "Key"))
        .row("LockIndex", pair.path("LockIndex").asText())
        .row("ModifyIndex", pair.path("ModifyIndex").asText())
        .row("Session", session.isEmpty() ? "-" : session)
        .row("Value", new String(value(pair, asBase64), StandardCharsets.UTF_8))
        .render();
  }
}
