package io.registry.node.agent;

import io.registry.catalog.model.Check;
import io.registry.node.check.ProbeSpec;
import java.time.Duration;

/**
 * A check owned by this agent. row holds what the catalog gets (node "", serviceName/Tags
 * empty and indexes 0: those are filled in when the row is shown or pushed). ttl is null
 * unless this is a TTL check. The thresholds are for the check runners; probe is what they run
 * (null for TTL and maintenance checks, and for kinds without a runner such as UDP).
 */
record LocalCheck(
    Check row,
    Duration ttl,
    int outputMaxSize,
    int successBeforePassing,
    int failuresBeforeWarning,
    int failuresBeforeCritical,
    ProbeSpec probe) {

  LocalCheck {
    if (row == null) {
      throw new IllegalArgumentException("row is required");
    }
    if (outputMaxSize <= 0) {
      outputMaxSize = CheckDefaults.OUTPUT_MAX_SIZE;
    }
  }

  String id() {
    return row.checkId();
  }

  String serviceId() {
    return row.serviceId();
  }

  boolean hasTtl() {
    return ttl != null && ttl.isPositive();
  }

  LocalCheck withState(String status, String output) {
    Check r = row;
    Check changed =
        new Check(
            r.node(), r.checkId(), r.name(), status, r.notes(), output, r.serviceId(),
            r.serviceName(), r.serviceTags(), r.type(), r.interval(), r.timeout(),
            r.definition(), 0, 0);
    return new LocalCheck(
        changed, ttl, outputMaxSize, successBeforePassing, failuresBeforeWarning,
        failuresBeforeCritical, probe);
  }
}
