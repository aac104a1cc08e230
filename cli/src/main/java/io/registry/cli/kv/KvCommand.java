package io.registry.cli.kv;

import io.registry.cli.Console;
import io.registry.cli.Verb;
import io.registry.cli.http.ConsulHttp;
import picocli.CommandLine.Command;

/** `registry kv`: the key/value store. */
@Command(name = "kv", description = "Reads and writes the key/value store.",
    subcommands = {KvGet.class, KvPut.class, KvDelete.class})
public final class KvCommand extends Verb {

  public KvCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    return usageError();
  }

  /**
   * The URL path of a key. A leading `/` is dropped, as Consul's Go client does, so
   * `/a/b` and `a/b` name the same key.
   */
  static String path(String key) {
    String k = key.startsWith("/") ? key.substring(1) : key;
    return "/v1/kv/" + ConsulHttp.escapePath(k);
  }
}
