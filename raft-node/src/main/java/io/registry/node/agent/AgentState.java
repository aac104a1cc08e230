package io.registry.node.agent;

import io.registry.catalog.command.Command;
import io.registry.catalog.model.ApplyResult;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.Service;
import io.registry.catalog.model.Weights;
import io.registry.node.api.NodeIdentity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local agent: owns this node's registered services and checks, TTL timers, and
 * pushing them to the catalog.
 *
 * <p>Every call validates first, persists second and changes memory last, all under one lock,
 * so a refused or failed call leaves no trace; the catalog push happens after the lock is
 * released and its failure only leaves the entries marked out of sync.
 */
public final class AgentState implements LocalAgent, AutoCloseable {
  /** How often entries whose push failed are pushed again. */
  static final Duration SYNC_INTERVAL = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(AgentState.class);

  private final NodeIdentity self;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  /** null: nothing is persisted (dev mode without a data dir). */
  private final LocalStore store;
  private final CatalogSync sync;
  private final Object lock = new Object();
  /** Guarded by lock. */
  private final LocalEntries entries = new LocalEntries();
  /** Guarded by lock. */
  private final TtlTimers ttl;
  // Script-check switches, output caps; swapped whole by a config reload.
  private volatile AgentOptions options;
  /** Guarded by lock. Which entries came from config files. */
  private final FileSources sources = new FileSources();
  /** Brings file-sourced entries to what the files say; its own lock, taken before ours. */
  private final FileReconciler files = new FileReconciler(this);
  /** Guarded by lock. */
  private ScheduledFuture<?> periodicSync;
  /** Guarded by lock. */
  private boolean started;

  /**
   * @param self this node
   * @param writer proposes a command through Raft (RegistryNode::write)
   * @param localDir where local state is persisted (data-dir/local); null: not persisted
   * @param clock time source for TTL deadlines
   * @param scheduler runs TTL expiry and sync retries
   */
  public AgentState(
      NodeIdentity self,
      Function<Command, CompletableFuture<ApplyResult>> writer,
      Path localDir,
      Clock clock,
      ScheduledExecutorService scheduler) {
    this(self, writer, localDir, clock, scheduler, AgentOptions.defaults());
  }

  /** As above, with agent settings (script checks, output caps, update interval). */
  public AgentState(
      NodeIdentity self,
      Function<Command, CompletableFuture<ApplyResult>> writer,
      Path localDir,
      Clock clock,
      ScheduledExecutorService scheduler,
      AgentOptions options) {
    this.options = options;
    this.self = self;
    this.clock = clock;
    this.scheduler = scheduler;
    this.store = localDir == null ? null : new LocalStore(localDir);
    this.sync = new CatalogSync(lock, entries, new CatalogCommands(self), writer);
    this.ttl = new TtlTimers(clock, scheduler, this::ttlDue);
  }

  /** Loads persisted services and checks, starts TTL timers, pushes everything to the catalog. */
  public void start() {
    synchronized (lock) {
      if (started) {
        return;
      }
      started = true;
      if (store != null) {
        new LocalRestore(self, store, entries, ttl, clock).run();
      }
      entries.resyncAll();
      long period = SYNC_INTERVAL.toMillis();
      periodicSync =
          scheduler.scheduleWithFixedDelay(this::periodicSync, period, period,
              TimeUnit.MILLISECONDS);
    }
    sync.pushPending();
  }

  /** Pushes every local entry again, e.g. after the catalog may have lost rows. */
  public void resyncAll() {
    synchronized (lock) {
      entries.resyncAll();
    }
    sync.pushPending();
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (periodicSync != null) {
        periodicSync.cancel(false);
      }
      ttl.close();
    }
  }

  @Override
  public void registerService(AgentServiceSpec spec, boolean replaceExistingChecks) {
    registerService(spec, replaceExistingChecks, false);
  }

  /**
   * As {@link #registerService(AgentServiceSpec, boolean)}; fromFile: defined in a config
   * file, so not persisted (the file is its record) and script checks follow
   * enable_local_script_checks.
   */
  public void registerService(
      AgentServiceSpec spec, boolean replaceExistingChecks, boolean fromFile) {
    AgentValidator.validateService(spec);
    spec.checks().forEach(c -> gateScripts(c, fromFile));
    String id = AgentValidator.isEmpty(spec.id()) ? spec.name() : spec.id();
    Weights weights = spec.weights() == null ? Weights.DEFAULT : spec.weights();
    Service service =
        new Service(self.nodeName(), id, spec.name(), spec.tags(), spec.address(), spec.port(),
            spec.taggedAddresses(), spec.meta(), weights, spec.enableTagOverride(), spec.kind(),
            0, 0);
    List<LocalCheck> checks = LocalChecks.forService(spec, id);
    synchronized (lock) {
      Set<String> requested = new HashSet<>();
      checks.forEach(c -> requested.add(c.id()));
      List<String> dropped = new ArrayList<>();
      if (replaceExistingChecks) {
        for (LocalEntry<LocalCheck> e : entries.checksOf(id)) {
          if (!requested.contains(e.id())) {
            dropped.add(e.id());
          }
        }
      }
      List<LocalCheck> kept = checks.stream().map(this::keepState).toList();
      persist("service " + id, disk -> {
        if (fromFile) {
          // A stale HTTP-registered copy on disk must not come back at the next start.
          disk.deleteService(id);
          for (LocalCheck c : kept) {
            disk.deleteCheck(c.id());
          }
        } else {
          disk.saveService(service);
          for (LocalCheck c : kept) {
            saveCheck(disk, c);
          }
        }
        for (String d : dropped) {
          disk.deleteCheck(d);
        }
      });
      entries.putService(service);
      sources.service(id, fromFile);
      kept.forEach(this::addCheck);
      for (String d : dropped) {
        entries.removeCheck(d);
        ttl.remove(d);
      }
    }
    sync.pushPending();
  }

  @Override
  public void deregisterService(String serviceId) {
    synchronized (lock) {
      if (serviceId == null || entries.service(serviceId) == null) {
        throw new AgentException(404, "Unknown service ID " + CheckDefaults.quote(nz(serviceId))
            + ". Ensure that the service ID is passed, not the service name.");
      }
      List<String> owned = entries.checksOf(serviceId).stream().map(LocalEntry::id).toList();
      persist("service " + serviceId, disk -> {
        for (String c : owned) {
          disk.deleteCheck(c);
        }
        disk.deleteService(serviceId);
      });
      owned.forEach(ttl::remove);
      entries.removeService(serviceId);
      sources.service(serviceId, false);
    }
    sync.pushPending();
  }

  @Override
  public void registerCheck(AgentCheckSpec spec) {
    registerCheck(spec, false);
  }

  /** As {@link #registerCheck(AgentCheckSpec)}; fromFile as for services. */
  public void registerCheck(AgentCheckSpec spec, boolean fromFile) {
    AgentValidator.validateCheck(spec);
    String id = AgentValidator.isEmpty(spec.id()) ? spec.name() : spec.id();
    String serviceId = nz(spec.serviceId());
    synchronized (lock) {
      if (!serviceId.isEmpty() && entries.service(serviceId) == null) {
        throw new AgentException(404,
            "ServiceID " + CheckDefaults.quote(serviceId) + " does not exist");
      }
      gateScripts(spec, fromFile);
      LocalCheck check = keepState(LocalChecks.fromSpec(spec, id, spec.name(), serviceId));
      persist("check " + id, disk -> {
        if (fromFile) {
          disk.deleteCheck(id);
        } else {
          saveCheck(disk, check);
        }
      });
      addCheck(check);
      sources.check(id, fromFile);
    }
    sync.pushPending();
  }

  @Override
  public void deregisterCheck(String checkId) {
    synchronized (lock) {
      requireCheck(checkId);
      removeCheckLocked(checkId);
    }
    sync.pushPending();
  }

  @Override
  public void updateTtlCheck(String checkId, String status, String output) {
    if (!AgentValidator.isStatus(status)) {
      throw new AgentException(400, "Invalid check status: '" + nz(status) + "'");
    }
    synchronized (lock) {
      LocalCheck check = requireCheck(checkId);
      if (!check.hasTtl()) {
        throw new AgentException(500,
            "CheckID " + CheckDefaults.quote(checkId) + " does not have associated TTL");
      }
      String out = CheckDefaults.truncate(output, check.outputMaxSize());
      long expires = clock.millis() + check.ttl().toMillis();
      TtlState state = new TtlState(status, out, expires);
      persist("check " + checkId, disk -> disk.saveTtl(checkId, state));
      ttl.update(checkId, expires, out);
      // A heartbeat that changes nothing must not become a Raft write.
      if (!status.equals(check.row().status()) || !out.equals(check.row().output())) {
        entries.putCheckState(check.withState(status, out));
      }
    }
    sync.pushPending();
  }

  @Override
  public void setNodeMaintenance(boolean enable, String reason) {
    synchronized (lock) {
      setMaintenanceLocked(CheckDefaults.NODE_MAINTENANCE_ID, enable,
          () -> LocalChecks.nodeMaintenance(reason));
    }
    sync.pushPending();
  }

  @Override
  public void setServiceMaintenance(String serviceId, boolean enable, String reason) {
    if (AgentValidator.isEmpty(serviceId)) {
      throw new AgentException(400, "Missing service ID");
    }
    synchronized (lock) {
      if (entries.service(serviceId) == null) {
        throw new AgentException(404,
            "No service registered with ID " + CheckDefaults.quote(serviceId));
      }
      setMaintenanceLocked(CheckDefaults.serviceMaintenanceId(serviceId), enable,
          () -> LocalChecks.serviceMaintenance(serviceId, reason));
    }
    sync.pushPending();
  }

  @Override
  public void applyFileConfig(FileDefinitions definitions, AgentOptions newOptions) {
    files.apply(definitions, newOptions);
  }

  /** The settings now in force. */
  public AgentOptions options() {
    return options;
  }

  void setOptions(AgentOptions newOptions) {
    options = newOptions;
  }

  /** Whether this live service came from a config file. */
  boolean isFileService(String serviceId) {
    synchronized (lock) {
      return entries.service(serviceId) != null && sources.isService(serviceId);
    }
  }

  /** Whether this live check came from a config file (top-level file checks only). */
  boolean isFileCheck(String checkId) {
    synchronized (lock) {
      return entries.check(checkId) != null && sources.isCheck(checkId);
    }
  }

  /**
   * Script checks need enable_script_checks; from config files enable_local_script_checks
   * is enough (§4.4).
   */
  private void gateScripts(AgentCheckSpec spec, boolean fromFile) {
    AgentOptions o = options;
    if (fromFile && (o.enableScriptChecks() || o.enableLocalScriptChecks())) {
      return;
    }
    AgentValidator.refuseScripts(spec);
  }

  @Override
  public Map<String, Service> services() {
    synchronized (lock) {
      Map<String, Service> out = new LinkedHashMap<>();
      for (LocalEntry<Service> e : entries.serviceEntries()) {
        if (e.live()) {
          out.put(e.id(), e.value());
        }
      }
      return Collections.unmodifiableMap(out);
    }
  }

  @Override
  public Optional<Service> service(String serviceId) {
    synchronized (lock) {
      return Optional.ofNullable(serviceId == null ? null : entries.service(serviceId));
    }
  }

  @Override
  public Map<String, Check> checks() {
    synchronized (lock) {
      Map<String, Check> out = new LinkedHashMap<>();
      for (LocalEntry<LocalCheck> e : entries.checkEntries()) {
        if (e.live()) {
          out.put(e.id(), view(e.value().row()));
        }
      }
      return Collections.unmodifiableMap(out);
    }
  }

  /** A check row as shown: this node's name, and its service's name and tags joined in. */
  private Check view(Check r) {
    Service s = r.serviceId().isEmpty() ? null : entries.service(r.serviceId());
    return new Check(self.nodeName(), r.checkId(), r.name(), r.status(), r.notes(), r.output(),
        r.serviceId(), s == null ? "" : s.name(), s == null ? List.of() : s.tags(), r.type(),
        r.interval(), r.timeout(), r.definition(), 0, 0);
  }

  /**
   * Re-registering a check keeps its current status and output, as Consul does, so that a
   * re-registration does not make a healthy instance flap to critical.
   */
  private LocalCheck keepState(LocalCheck check) {
    LocalCheck previous = entries.check(check.id());
    return previous == null
        ? check
        : check.withState(previous.row().status(), previous.row().output());
  }

  private void saveCheck(LocalStore disk, LocalCheck check) throws IOException {
    disk.saveCheck(check);
    if (check.hasTtl()) {
      disk.saveTtl(check.id(), new TtlState(check.row().status(), check.row().output(),
          clock.millis() + check.ttl().toMillis()));
    }
  }

  /** Puts an already persisted check in memory and (re)starts or stops its TTL timer. */
  private void addCheck(LocalCheck check) {
    entries.putCheck(check);
    if (check.hasTtl()) {
      ttl.start(check.id(), clock.millis() + check.ttl().toMillis());
    } else {
      ttl.remove(check.id());
    }
  }

  private LocalCheck requireCheck(String checkId) {
    LocalCheck check = checkId == null ? null : entries.check(checkId);
    if (check == null) {
      throw new AgentException(404, "Unknown check ID " + CheckDefaults.quote(nz(checkId))
          + ". Ensure that the check ID is passed, not the check name.");
    }
    return check;
  }

  private void removeCheckLocked(String checkId) {
    persist("check " + checkId, disk -> disk.deleteCheck(checkId));
    ttl.remove(checkId);
    entries.removeCheck(checkId);
    sources.check(checkId, false);
  }

  /** Idempotent both ways: an existing maintenance check keeps its first reason, as in Consul. */
  private void setMaintenanceLocked(
      String checkId, boolean enable, Supplier<LocalCheck> check) {
    boolean present = entries.check(checkId) != null;
    if (enable && !present) {
      LocalCheck c = check.get();
      persist("check " + checkId, disk -> disk.saveCheck(c));
      addCheck(c);
    } else if (!enable && present) {
      removeCheckLocked(checkId);
    }
  }

  /** A TTL timer may be due: expire the check unless an update came first. */
  private void ttlDue(String checkId, long token) {
    synchronized (lock) {
      if (!ttl.claim(checkId, token)) {
        return;
      }
      LocalCheck check = entries.check(checkId);
      if (check == null || !check.hasTtl()) {
        return;
      }
      String out = CheckDefaults.expiredOutput(ttl.lastOutput(checkId));
      log.info("Check {} missed its TTL, is now critical", checkId);
      // Nothing to persist: the saved state's deadline has passed, so a restart already
      // restores this check as expired, with the same output.
      if (!Check.CRITICAL.equals(check.row().status()) || !out.equals(check.row().output())) {
        entries.putCheckState(check.withState(Check.CRITICAL, out));
      }
    }
    sync.pushPending();
  }

  private void periodicSync() {
    try {
      sync.pushPending();
    } catch (RuntimeException e) {
      // An escaping exception would cancel the periodic task for good.
      log.warn("Periodic catalog sync failed", e);
    }
  }

  /** A write to the data dir; it runs before the memory change, so a failure leaves none. */
  private interface DiskWrite {
    void run(LocalStore disk) throws IOException;
  }

  private void persist(String what, DiskWrite write) {
    if (store == null) {
      return;
    }
    try {
      write.run(store);
    } catch (IOException e) {
      throw new AgentException(500, "failed persisting " + what + ": " + e.getMessage());
    }
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
