package io.registry.cli;

import io.registry.cli.agent.AgentCommand;
import io.registry.cli.bench.BenchCommand;
import io.registry.cli.catalog.CatalogCommand;
import io.registry.cli.kv.KvCommand;
import io.registry.cli.operator.OperatorCommand;
import io.registry.cli.services.ServicesCommand;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the `registry` command. Flags are spelled as Consul's (`-data-dir`,
 * `-http-addr=...`) and also with two dashes. Exit codes: 0 success, 1 any error including
 * usage errors (as `consul`), 2 where §15.2 says so.
 */
@Command(
    name = "registry",
    description = "A Consul-compatible service registry.",
    subcommands = {
      AgentCommand.class,
      KvCommand.class,
      CatalogCommand.class,
      ServicesCommand.class,
      MembersCommand.class,
      InfoCommand.class,
      JoinCommand.class,
      LeaveCommand.class,
      ForceLeaveCommand.class,
      OperatorCommand.class,
      ReloadCommand.class,
      ValidateCommand.class,
      VersionCommand.class,
      BenchCommand.class
    })
public final class Main extends Verb {

  public Main(Console console) {
    super(console);
  }

  @Override
  public Integer call() {
    return usageError();
  }

  public static void main(String[] args) {
    System.exit(run(Console.system(), args));
  }

  /** Parses and runs one command line; returns the exit code. */
  public static int run(Console console, String... args) {
    return commandLine(console).execute(args);
  }

  /** The configured command tree, printing to console. */
  public static CommandLine commandLine(Console console) {
    CommandLine cl = new CommandLine(Main.class, new Factory(console));
    // "-dev" must never be read as "-d -e -v".
    cl.setPosixClusteredShortOptionsAllowed(false);
    // `kv put key @file` reads the file itself; Picocli must not expand it as an @argfile.
    cl.setExpandAtFiles(false);
    cl.setOut(new PrintWriter(console.out(), true));
    cl.setErr(new PrintWriter(console.err(), true));
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine cmd = ex.getCommandLine();
      cmd.getErr().println(ex.getMessage());
      cmd.getErr().println("See '" + cmd.getCommandSpec().qualifiedName() + " -help'.");
      cmd.getErr().flush();
      return 1;
    });
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      console.out().flush();
      if (ex instanceof CliException failure) {
        console.err().println(failure.getMessage());
        return failure.exitCode();
      }
      console.err().println("Error: " + ex);
      return 1;
    });
    return cl;
  }

  /** Gives each command the console through its constructor. */
  private record Factory(Console console) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        Constructor<K> withConsole = cls.getDeclaredConstructor(Console.class);
        return withConsole.newInstance(console);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }
}
