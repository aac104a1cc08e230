package io.registry.cli.agent;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Applies -log-level to Logback once the flags are parsed (logback.xml holds the
 * appender and the library levels). Ratis, gRPC and Jetty stay at WARN even under -dev's
 * debug, because their debug output drowns the agent's own.
 */
final class AgentLogging {
  private static final String[] NOISY = {
    "org.apache.ratis", "org.eclipse.jetty", "io.javalin", "io.grpc", "io.netty",
    "org.apache.ratis.thirdparty"
  };

  private AgentLogging() {}

  static void apply(String level) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J binding: leave its configuration alone
    }
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(level, Level.INFO));
    Level noisy = Level.toLevel(level).isGreaterOrEqual(Level.WARN)
        ? Level.toLevel(level) : Level.WARN;
    for (String name : NOISY) {
      context.getLogger(name).setLevel(noisy);
    }
    // Ratis' shaded gRPC and Netty log through java.util.logging.
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
  }
}
