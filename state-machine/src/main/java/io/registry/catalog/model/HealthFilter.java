package io.registry.catalog.model;

/** Which instances a health read keeps: all, not critical (DNS), or only passing. */
public enum HealthFilter {
  ANY,
  NOT_CRITICAL,
  PASSING
}
