package io.registry.node.agent;

import io.registry.catalog.model.Service;
import io.registry.node.api.NodeIdentity;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the persisted services and checks into the agent at start (runs under its lock).
 * Entries already registered before start (config files) win over persisted ones. A TTL
 * check keeps its saved status only while the saved deadline lies in the future, and then
 * expires at that same deadline; otherwise it starts critical.
 */
final class LocalRestore {
  private static final Logger log = LoggerFactory.getLogger(LocalRestore.class);

  private final NodeIdentity self;
  private final LocalStore store;
  private final LocalEntries entries;
  private final TtlChecks ttl;

  LocalRestore(NodeIdentity self, LocalStore store, LocalEntries entries, TtlChecks ttl) {
    this.self = self;
    this.store = store;
    this.entries = entries;
    this.ttl = ttl;
  }

  void run() {
    int services = 0;
    int checks = 0;
    try {
      for (Service s : store.loadServices()) {
        if (entries.service(s.id()) == null) {
          entries.putService(onThisNode(s));
          services++;
        }
      }
      for (LocalCheck c : store.loadChecks()) {
        if (restore(c)) {
          checks++;
        }
      }
    } catch (IOException e) {
      // The agent still starts; what could not be read is logged, not fatal.
      log.warn("Could not read persisted agent state: {}", e.toString());
    }
    log.info("Restored {} services and {} checks from disk", services, checks);
  }

  private boolean restore(LocalCheck check) throws IOException {
    if (entries.check(check.id()) != null) {
      return false;
    }
    String serviceId = check.serviceId();
    if (!serviceId.isEmpty() && entries.service(serviceId) == null) {
      // Its service is gone (e.g. a crash between the two deletes): the check is an orphan.
      log.warn("Dropping persisted check {} of unknown service {}", check.id(), serviceId);
      store.deleteCheck(check.id());
      return false;
    }
    LocalCheck restored = check;
    if (check.hasTtl()) {
      TtlState saved = store.loadTtl(check.id()).orElse(TtlState.NONE);
      restored = ttl.resumed(check, saved);
      ttl.resume(check.id(), saved);
    }
    entries.putCheck(restored);
    return true;
  }

  private Service onThisNode(Service s) {
    // The node may have been renamed since the file was written; rows follow the node.
    return new Service(self.nodeName(), s.id(), s.name(), s.tags(), s.address(), s.port(),
        s.taggedAddresses(), s.meta(), s.weights(), s.enableTagOverride(), s.kind(), 0, 0);
  }
}
