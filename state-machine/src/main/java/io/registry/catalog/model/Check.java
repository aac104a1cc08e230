package io.registry.catalog.model;

import java.util.List;

/**
 * A health check row, keyed by (node, checkId). serviceId is "" for node-level checks.
 * serviceName and serviceTags are joined in at read time from the service row.
 */
public record Check(
    String node,
    String checkId,
    String name,
    String status,
    String notes,
    String output,
    String serviceId,
    String serviceName,
    List<String> serviceTags,
    String type,
    String interval,
    String timeout,
    CheckDefinition definition,
    long createIndex,
    long modifyIndex) {

  public static final String PASSING = "passing";
  public static final String WARNING = "warning";
  public static final String CRITICAL = "critical";

  public Check {
    name = name == null ? "" : name;
    notes = notes == null ? "" : notes;
    output = output == null ? "" : output;
    serviceId = serviceId == null ? "" : serviceId;
    serviceName = serviceName == null ? "" : serviceName;
    serviceTags = serviceTags == null ? List.of() : List.copyOf(serviceTags);
    type = type == null ? "" : type;
    interval = interval == null ? "" : interval;
    timeout = timeout == null ? "" : timeout;
    definition = definition == null ? CheckDefinition.EMPTY : definition;
  }

  public boolean isNodeLevel() {
    return serviceId.isEmpty();
  }
}
