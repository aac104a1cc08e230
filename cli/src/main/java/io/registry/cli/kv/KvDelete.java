package io.registry.cli.kv;

import io.registry.cli.CliException;
import io.registry.cli.ClientOptions;
import io.registry.cli.Console;
import io.registry.cli.Verb;
import io.registry.cli.http.ConsulHttp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `registry kv delete`: one key, a prefix (-recurse), or a key at a known index (-cas). */
@Command(name = "delete", description = "Deletes a key or every key under a prefix.")
public final class KvDelete extends Verb {
  @Mixin ClientOptions client;

  @Option(names = {"-recurse", "--recurse"}, arity = "0..1", fallbackValue = "true",
      description = "Delete every key with this prefix.")
  boolean recurse;

  @Option(names = {"-cas", "--cas"}, arity = "0..1", fallbackValue = "true",
      description = "Delete only if the key's ModifyIndex is -modify-index.")
  boolean cas;

  @Option(names = {"-modify-index", "--modify-index"}, paramLabel = "<uint>",
      description = "With -cas: the expected ModifyIndex.")
  String modifyIndex;

  @Parameters(arity = "0..1", paramLabel = "KEY_OR_PREFIX", defaultValue = "")
  String key;

  public KvDelete(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    if (key.isEmpty() && !recurse) {
      throw new CliException("Error! Missing KEY argument");
    }
    if (modifyIndex != null && !cas) {
      throw new CliException("Cannot specify -modify-index without -cas!");
    }
    if (cas && recurse) {
      throw new CliException("Cannot specify both -cas and -recurse!");
    }
    String param = recurse ? "recurse" : cas ? "cas=" + KvPut.unsigned("-modify-index",
        modifyIndex) : "";
    ConsulHttp.Answer answer = client.client().delete(KvCommand.path(key) + client.query(param));
    if (!answer.ok()) {
      throw new CliException("Error! Did not delete key " + key + ": Unexpected response code: "
          + answer.status() + " (" + answer.text().strip() + ")");
    }
    if (!"true".equals(answer.text().strip())) {
      throw new CliException("Error! Did not delete key " + key + ": CAS failed");
    }
    console.out().println(recurse
        ? "Success! Deleted keys with prefix: " + key
        : "Success! Deleted key: " + key);
    return 0;
  }
}
