package io.registry.cli.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.registry.cli.CliException;
import io.registry.cli.ClientOptions;
import io.registry.cli.Console;
import io.registry.cli.Verb;
import io.registry.cli.http.ConsulHttp;
import io.registry.cli.http.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `registry services register FILE.json` or `-name=.. -port=..`. */
@Command(name = "register", description = "Registers services with the local agent.")
public final class ServicesRegister extends Verb {
  @Mixin ClientOptions client;

  @Option(names = {"-name", "--name"}, description = "Service name.")
  String name;

  @Option(names = {"-id", "--id"}, description = "Service ID (default: the name).")
  String id;

  @Option(names = {"-address", "--address"}, description = "Service address.")
  String address;

  @Option(names = {"-port", "--port"}, description = "Service port.")
  Integer port;

  @Option(names = {"-tag", "--tag"}, description = "A tag (repeatable).")
  List<String> tags = new ArrayList<>();

  @Option(names = {"-meta", "--meta"}, description = "Metadata key=value (repeatable).")
  Map<String, String> meta;

  @Parameters(arity = "0..*", paramLabel = "FILE")
  List<Path> files = new ArrayList<>();

  public ServicesRegister(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    List<ObjectNode> services = definitions();
    ConsulHttp http = client.client();
    for (ObjectNode service : services) {
      String serviceName = ServiceFile.name(service);
      http.put("/v1/agent/service/register" + client.query(), bytes(service))
          .orFail("registering service \"" + serviceName + "\"");
      console.out().println("Registered service: " + serviceName);
    }
    return 0;
  }

  /** Files, or one definition from the flags; both at once is ambiguous, as in Consul. */
  List<ObjectNode> definitions() {
    boolean fromFlags = name != null || id != null || address != null || port != null
        || !tags.isEmpty() || meta != null;
    if (fromFlags && !files.isEmpty()) {
      throw new CliException("Error! Flags that define a service cannot be used with files");
    }
    if (!files.isEmpty()) {
      List<ObjectNode> out = new ArrayList<>();
      files.forEach(f -> out.addAll(ServiceFile.read(f)));
      return out;
    }
    if (name == null || name.isBlank()) {
      throw new CliException("Error! A service name (-name) or a file is required");
    }
    ObjectNode s = Json.MAPPER.createObjectNode();
    s.put("Name", name);
    if (id != null) {
      s.put("ID", id);
    }
    if (address != null) {
      s.put("Address", address);
    }
    if (port != null) {
      s.put("Port", port);
    }
    if (!tags.isEmpty()) {
      tags.forEach(s.putArray("Tags")::add);
    }
    if (meta != null) {
      ObjectNode m = s.putObject("Meta");
      meta.forEach(m::put);
    }
    return List.of(s);
  }

  private static byte[] bytes(ObjectNode node) {
    try {
      return Json.MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new CliException("Error! " + e.getMessage());
    }
  }
}
