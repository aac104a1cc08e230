package io.registry.gateway.ui;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands a {@link Browser} to browser tests: one Chromium for the whole run, kept in the root
 * store, which closes it when the run ends. Starting Chromium once keeps these tests quick.
 */
final class UiBrowserExtension implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    return p.getParameter().getType() == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    return c.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(Browser.class, k -> Browser.start(), Browser.class);
  }
}
