package io.registry.cli.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.registry.cli.CliException;
import io.registry.cli.ClientOptions;
import io.registry.cli.Console;
import io.registry.cli.Verb;
import io.registry.cli.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `registry catalog datacenters`: one name per line. */
@Command(name = "datacenters", description = "Lists the known datacenters.")
public final class CatalogDatacenters extends Verb {
  @Mixin ClientOptions client;

  public CatalogDatacenters(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    JsonNode dcs = Json.parse(client.client().get("/v1/catalog/datacenters")
        .orFail("listing datacenters").body());
    if (dcs.isEmpty()) {
      throw new CliException("No datacenters found");
    }
    dcs.forEach(dc -> console.out().println(dc.asText()));
    return 0;
  }
}
