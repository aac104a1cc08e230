package io.registry.gateway.ui;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Hands a {@link Browser} to browser tests: one Chromium for the whole run, kept in the root
 * store, which closes it when the run ends. Starting Chromium once keeps these tests quick.
 * A failed test leaves a screenshot of what the page showed (failed-TEST.png).
 */
final class UiBrowserExtension implements ExecutionCondition, ParameterResolver, TestWatcher {
  /**
   * Without Chromium a developer's run skips these tests and reports why; under CI=true they
   * run, and starting the browser fails with the same reason.
   */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext c) {
    String missing = Browser.missing();
    if (missing == null || Browser.inCi()) {
      return ConditionEvaluationResult.enabled("chromium and chromedriver present, or CI");
    }
    return ConditionEvaluationResult.disabled(missing);
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    return p.getParameter().getType() == Browser.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    return store(c).getOrComputeIfAbsent(Browser.class, k -> Browser.start(), Browser.class);
  }

  @Override
  public void testFailed(ExtensionContext c, Throwable cause) {
    Browser b = store(c).get(Browser.class, Browser.class);
    if (b != null) {
      b.screenshot("failed-" + c.getRequiredTestMethod().getName());
    }
  }

  private static ExtensionContext.Store store(ExtensionContext c) {
    return c.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
  }
}
