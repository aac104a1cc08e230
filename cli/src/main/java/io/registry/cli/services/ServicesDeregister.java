package io.registry.cli.services;

import io.registry.cli.CliException;
import io.registry.cli.ClientOptions;
import io.registry.cli.Console;
import io.registry.cli.Verb;
import io.registry.cli.http.ConsulHttp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `registry services deregister FILE.json` or `-id=..`. */
@Command(name = "deregister", description = "Deregisters services from the local agent.")
public final class ServicesDeregister extends Verb {
  @Mixin ClientOptions client;

  @Option(names = {"-id", "--id"}, description = "ID of the service to deregister.")
  String id;

  @Parameters(arity = "0..*", paramLabel = "FILE")
  List<Path> files = new ArrayList<>();

  public ServicesDeregister(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    List<String> ids = ids();
    ConsulHttp http = client.client();
    for (String serviceId : ids) {
      http.put("/v1/agent/service/deregister/" + ConsulHttp.escapeQuery(serviceId)
          + client.query(), new byte[0]).orFail("deregistering service \"" + serviceId + "\"");
      console.out().println("Deregistered service: " + serviceId);
    }
    return 0;
  }

  List<String> ids() {
    if (id != null && !files.isEmpty()) {
      throw new CliException("Error! -id cannot be used with files");
    }
    if (id != null) {
      if (id.isBlank()) {
        throw new CliException("Error! -id must not be empty");
      }
      return List.of(id);
    }
    if (files.isEmpty()) {
      throw new CliException("Error! A service ID (-id) or a file is required");
    }
    List<String> ids = new ArrayList<>();
    files.forEach(f -> ServiceFile.read(f).forEach(s -> ids.add(ServiceFile.id(s))));
    return ids;
  }
}
