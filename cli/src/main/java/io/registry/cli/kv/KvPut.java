package io.registry.cli.kv;

import io.registry.cli.CliException;
import io.registry.cli.ClientOptions;
import io.registry.cli.Console;
import io.registry.cli.Verb;
import io.registry.cli.http.ConsulHttp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `registry kv put KEY [DATA|@file|-]`: writes one key, optionally check-and-set. */
@Command(name = "put", description = "Writes a value to a key.")
public final class KvPut extends Verb {
  @Mixin ClientOptions client;

  @Option(names = {"-flags", "--flags"}, paramLabel = "<uint>", defaultValue = "0",
      description = "Unsigned 64-bit flags stored with the key.")
  String flags;

  @Option(names = {"-cas", "--cas"}, arity = "0..1", fallbackValue = "true",
      description = "Check-and-set: write only if the key's ModifyIndex is -modify-index.")
  boolean cas;

  @Option(names = {"-modify-index", "--modify-index"}, paramLabel = "<uint>",
      description = "With -cas: the expected ModifyIndex (0 = key must not exist).")
  String modifyIndex;

  @Option(names = {"-base64", "--base64"}, arity = "0..1", fallbackValue = "true",
      description = "DATA is base64; store the decoded bytes.")
  boolean base64;

  @Option(names = {"-acquire", "--acquire"}, arity = "0..1", fallbackValue = "true",
      description = "Acquire a lock on the key (not supported yet).")
  boolean acquire;

  @Option(names = {"-release", "--release"}, arity = "0..1", fallbackValue = "true",
      description = "Release a lock on the key (not supported yet).")
  boolean release;

  @Option(names = {"-session", "--session"}, description = "Session of -acquire/-release.")
  String session;

  @Parameters(paramLabel = "KEY [DATA]", arity = "0..2")
  List<String> args = List.of();

  /** Standard input, replaceable in tests. */
  InputStream stdin = System.in;

  public KvPut(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    if (args.isEmpty()) {
      throw new CliException("Error! Missing KEY argument");
    }
    if (modifyIndex != null && !cas) {
      throw new CliException("Cannot specify -modify-index without -cas!");
    }
    if (acquire || release) {
      // TODO(#9): sessions and locks from the CLI.
      throw new CliException("Error! -acquire and -release are not supported yet");
    }
    String key = args.get(0);
    byte[] data = data(args.size() > 1 ? args.get(1) : "");
    if (base64) {
      try {
        data = Base64.getDecoder().decode(new String(data, StandardCharsets.US_ASCII).strip());
      } catch (IllegalArgumentException e) {
        throw new CliException("Error! Cannot base 64 decode data: " + e.getMessage());
      }
    }
    String casParam = cas ? "cas=" + unsigned("-modify-index", modifyIndex) : "";
    String flagParam = "0".equals(flags) ? "" : "flags=" + unsigned("-flags", flags);
    ConsulHttp.Answer answer =
        client.client().put(KvCommand.path(key) + client.query(flagParam, casParam), data);
    if (!answer.ok()) {
      throw new CliException("Error! Failed writing data: Unexpected response code: "
          + answer.status() + " (" + answer.text().strip() + ")");
    }
    if (!"true".equals(answer.text().strip())) {
      throw new CliException("Error! Did not write to " + key + ": CAS failed");
    }
    console.out().println("Success! Data written to: " + key);
    return 0;
  }

  /** DATA as Consul reads it: `@file` is a file, `-` is stdin, anything else literal. */
  byte[] data(String arg) {
    try {
      if (arg.startsWith("@")) {
        return Files.readAllBytes(Path.of(arg.substring(1)));
      }
      if (arg.equals("-")) {
        return stdin.readAllBytes();
      }
    } catch (IOException e) {
      throw new CliException("Failed to read data: " + e.getMessage());
    }
    return arg.getBytes(StandardCharsets.UTF_8);
  }

  /** Checks an unsigned 64-bit number before it reaches the server. */
  static String unsigned(String flag, String value) {
    if (value == null) {
      return "0";
    }
    try {
      return Long.toUnsignedString(Long.parseUnsignedLong(value.strip()));
    } catch (NumberFormatException e) {
      throw new CliException("Error! Invalid " + flag + " value: " + value);
    }
  }
}
