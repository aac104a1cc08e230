package io.registry.cli.catalog;

import io.registry.cli.Console;
import io.registry.cli.Verb;
import picocli.CommandLine.Command;

/** `registry catalog`: read the replicated catalog. */
@Command(name = "catalog", description = "Lists datacenters, nodes and services in the catalog.",
    subcommands = {CatalogServices.class, CatalogNodes.class, CatalogDatacenters.class})
public final class CatalogCommand extends Verb {

  public CatalogCommand(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    return usageError();
  }
}
