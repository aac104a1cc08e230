package io.registry.node.agent;

import io.registry.catalog.model.Check;
import io.registry.catalog.model.Service;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * This agent's own services and checks (its local state): validated here, persisted under
 * the data dir, pushed to the catalog, and kept in sync with it. HTTP calls return after
 * the local change, whether or not the catalog write has happened yet.
 *
 * <p>Every method that can fail throws {@link AgentException} carrying Consul's status
 * code and plain message.
 */
public interface LocalAgent {

  /** Registers or replaces a service and its checks (§4.2), as the HTTP API does. */
  default void registerService(AgentServiceSpec spec, boolean replaceExistingChecks) {
    registerService(spec, replaceExistingChecks, RegistrationSource.API);
  }

  /**
   * Registers or replaces a service and its checks; from decides which script-check switch
   * applies (config files pass {@link RegistrationSource#FILE}).
   */
  void registerService(
      AgentServiceSpec spec, boolean replaceExistingChecks, RegistrationSource from);

  /** 404 for an unknown ID. */
  void deregisterService(String serviceId);

  /** Registers or replaces a check (§4.3), as the HTTP API does. */
  default void registerCheck(AgentCheckSpec spec) {
    registerCheck(spec, RegistrationSource.API);
  }

  /** Registers or replaces a check; from as for registerService. */
  void registerCheck(AgentCheckSpec spec, RegistrationSource from);

  /** 404 for an unknown ID. */
  void deregisterCheck(String checkId);

  /**
   * Sets a TTL check's status and output and restarts its timer. status is passing,
   * warning or critical. 404 unknown check, 500 when it is not a TTL check.
   */
  void updateTtlCheck(String checkId, String status, String output);

  /** Adds or removes the critical _node_maintenance check. */
  void setNodeMaintenance(boolean enable, String reason);

  /** Adds or removes _service_maintenance:&lt;id&gt;. 404 for an unknown service. */
  void setServiceMaintenance(String serviceId, boolean enable, String reason);

  /**
   * Brings the services and checks that came from config files to what the files now say
   * (start and reload, §14.2), with the agent settings the same configuration gives: entries
   * that disappeared are deregistered, new and changed ones registered, unchanged ones left
   * alone (no catalog write). HTTP-registered entries are never touched. Everything is
   * checked before anything changes; a refusal (AgentException naming the file) keeps the
   * previous configuration.
   */
  void applyFileConfig(FileDefinitions definitions, AgentOptions options);

  /** Local services by ID, in ID order. Rows carry this node's name; indexes 0. */
  Map<String, Service> services();

  Optional<Service> service(String serviceId);

  /** Local checks by ID, in ID order (not serfHealth). serviceName/serviceTags filled in. */
  Map<String, Check> checks();

  /**
   * For each critical service check with DeregisterCriticalServiceAfter, when the reaper
   * will deregister its service (it runs every 30 s, so up to 30 s later), by check ID.
   */
  default Map<String, Instant> deregisterCriticalServiceAt() {
    return Map.of();
  }
}
