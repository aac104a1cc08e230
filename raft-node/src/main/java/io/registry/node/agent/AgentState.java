package io.registry.node.agent;

import io.registry.catalog.command.Command;
import io.registry.catalog.model.ApplyResult;
import io.registry.catalog.model.Check;
import io.registry.catalog.model.Service;
import io.registry.catalog.model.Weights;
import io.registry.node.api.NodeIdentity;
import io.registry.node.check.CheckRunners;
import io.registry.node.check.ProbeFactory;
import io.registry.node.check.Probes;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * The local agent: owns this node's registered services and checks, TTL timers, and
 * pushing them to the catalog.
 *
 * <p>Every call validates first, persists second and changes memory last, all under one lock,
 * so a refused or failed call leaves no trace; the catalog push happens after the lock is
 * released and its failure only leaves the entries marked out of sync.
 */
public final class AgentState implements LocalAgent, AutoCloseable {
  private final NodeIdentity self;
  private final ScheduledExecutorService scheduler;
  /** The data dir's writes; persists nothing in dev mode without a data dir. */
  private final AgentDisk disk;
  private final CatalogSync sync;
  private final Object lock = new Object();
  /** Guarded by lock. */
  private final LocalEntries entries = new LocalEntries();
  /** TTL timers, updates and expiry; guarded by lock. */
  private final TtlChecks ttl;
  /** Runners of the active checks, batching and reaping; guarded by lock. */
  private final CheckSupervisor supervisor;
  /** The probes this agent made itself (and closes); null when they were injected. */
  private final Probes ownedProbes;
  // Script-check switches, output caps; swapped whole by a config reload.
  private volatile AgentOptions options;
  /** Guarded by lock. Which entries came from config files. */
  private final FileSources sources = new FileSources();
  /** Brings file-sourced entries to what the files say; its own lock, taken before ours. */
  private final FileReconciler files = new FileReconciler(this);
  /** Adds and removes checks with their runners and timers; guarded by lock. */
  private final CheckLifecycle lifecycle;
  /** Copies of the live entries for readers; takes the lock itself. */
  private final LocalViews views;
  /** Retries failed pushes; runs the periodic full compare with the catalog's rows. */
  private final AntiEntropy antiEntropy;
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
    this(self, writer, localDir, clock, scheduler, AgentOptions.defaults(), CatalogReader.NONE);
  }

  /**
   * As above, with agent settings (script checks, output caps, intervals) and where
   * anti-entropy reads the catalog's rows for this node.
   */
  public AgentState(
      NodeIdentity self,
      Function<Command, CompletableFuture<ApplyResult>> writer,
      Path localDir,
      Clock clock,
      ScheduledExecutorService scheduler,
      AgentOptions options,
      CatalogReader catalog) {
    this(self, writer, localDir, clock, scheduler, options, null, RandomGenerator.getDefault(),
        catalog);
  }

  /**
   * As above, with the probes of active checks (null: the real ones) and the random source
   * of their start jitter and of anti-entropy's stagger; tests pass fakes of both.
   */
  public AgentState(
      NodeIdentity self,
      Function<Command, CompletableFuture<ApplyResult>> writer,
      Path localDir,
      Clock clock,
      ScheduledExecutorService scheduler,
      AgentOptions options,
      ProbeFactory probes,
      RandomGenerator random,
      CatalogReader catalog) {
    this.options = options;
    this.self = self;
    this.scheduler = scheduler;
    this.disk = new AgentDisk(localDir == null ? null : new LocalStore(localDir), clock);
    this.sync = new CatalogSync(lock, entries, new CatalogCommands(self), writer, this::held);
    this.ownedProbes = probes == null ? new Probes(clock) : null;
    CheckRunners runners = new CheckRunners(probes == null ? ownedProbes : probes, clock,
        scheduler, random);
    this.supervisor = new CheckSupervisor(lock, entries, sync, runners, clock, scheduler,
        () -> this.options, this::reap);
    this.ttl = new TtlChecks(clock, scheduler, this::ttlDue, entries, disk, supervisor);
    this.lifecycle = new CheckLifecycle(entries, supervisor, ttl);
    this.views = new LocalViews(lock, self, entries, supervisor);
    this.antiEntropy = new AntiEntropy(lock, entries, sync, catalog, supervisor::outputDeferred,
        scheduler, () -> this.options, random);
  }

  /** Loads persisted services and checks, starts TTL timers, pushes everything to the catalog. */
  public void start() {
    synchronized (lock) {
      if (started) {
        return;
      }
      started = true;
      if (disk.store() != null) {
        new LocalRestore(self, disk.store(), entries, ttl).run();
      }
      // Restored checks were allowed when registered; they run under the local-file rules.
      for (LocalEntry<LocalCheck> e : entries.checkEntries()) {
        if (e.live()) {
          supervisor.added(e.value(), RegistrationSource.FILE);
        }
      }
      supervisor.start();
      entries.resyncAll();
    }
    sync.pushPending();
    antiEntropy.start();
  }

  /**
   * Compares local state with the catalog's rows for this node now and pushes what differs
   * (anti-entropy); completes when that push was sent, exceptionally if the catalog could
   * not be read. Also runs by itself every antiEntropyInterval.
   */
  public CompletableFuture<?> syncFull() {
    return antiEntropy.runNow();
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
    antiEntropy.close();
    synchronized (lock) {
      ttl.close();
      supervisor.close();
    }
    if (ownedProbes != null) {
      ownedProbes.close();
    }
  }

  @Override
  public void registerService(
      AgentServiceSpec spec, boolean replaceExistingChecks, RegistrationSource from) {
    AgentValidator.validateService(spec);
    spec.checks().forEach(c -> AgentValidator.refuseScripts(c, options, from));
    // A file's definitions are not persisted: the file is their record.
    boolean fromFile = from == RegistrationSource.FILE;
    String id = AgentValidator.isEmpty(spec.id()) ? spec.name() : spec.id();
    Weights weights = spec.weights() == null ? Weights.DEFAULT : spec.weights();
    Service service =
        new Service(self.nodeName(), id, spec.name(), spec.tags(), spec.address(), spec.port(),
            spec.taggedAddresses(), spec.meta(), weights, spec.enableTagOverride(), spec.kind(),
            0, 0);
    List<LocalCheck> checks = LocalChecks.forService(spec, id);
    synchronized (lock) {
      Set<String> requested = checks.stream().map(LocalCheck::id).collect(Collectors.toSet());
      List<String> dropped = !replaceExistingChecks ? List.of()
          : entries.checkIdsOf(id).stream().filter(c -> !requested.contains(c)).toList();
      List<CheckStart> kept =
          checks.stream().map(c -> lifecycle.keepState(c, fromFile)).toList();
      disk.persistService(service, fromFile, kept, dropped);
      entries.putService(service);
      sources.service(id, fromFile);
      kept.forEach(c -> lifecycle.add(c, from));
      dropped.forEach(lifecycle::forget);
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
      List<String> owned = entries.checkIdsOf(serviceId);
      disk.persist("service " + serviceId, d -> {
        for (String c : owned) {
          d.deleteCheck(c);
        }
        d.deleteService(serviceId);
      });
      owned.forEach(lifecycle::forget);
      entries.removeService(serviceId);
      sources.service(serviceId, false);
    }
    sync.pushPending();
  }

  @Override
  public void registerCheck(AgentCheckSpec spec, RegistrationSource from) {
    boolean fromFile = from == RegistrationSource.FILE;
    AgentValidator.validateCheck(spec);
    String id = AgentValidator.isEmpty(spec.id()) ? spec.name() : spec.id();
    String serviceId = nz(spec.serviceId());
    synchronized (lock) {
      if (!serviceId.isEmpty() && entries.service(serviceId) == null) {
        throw new AgentException(404,
            "ServiceID " + CheckDefaults.quote(serviceId) + " does not exist");
      }
      AgentValidator.refuseScripts(spec, options, from);
      CheckStart check =
          lifecycle.keepState(LocalChecks.fromSpec(spec, id, spec.name(), serviceId), fromFile);
      disk.persist("check " + id, d -> disk.saveStarted(d, check, fromFile));
      lifecycle.add(check, from);
      sources.check(id, fromFile);
    }
    sync.pushPending();
  }

  @Override
  public void deregisterCheck(String checkId) {
    synchronized (lock) {
      lifecycle.require(checkId);
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
      ttl.update(lifecycle.require(checkId), status, output);
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
    antiEntropy.filesApplied();
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

  @Override
  public Map<String, Service> services() {
    return views.services();
  }

  @Override
  public Optional<Service> service(String serviceId) {
    return views.service(serviceId);
  }

  @Override
  public Map<String, Check> checks() {
    return views.checks();
  }

  @Override
  public Map<String, Instant> deregisterCriticalServiceAt() {
    return views.deregisterCriticalServiceAt();
  }

  private void removeCheckLocked(String checkId) {
    disk.persist("check " + checkId, d -> d.deleteCheck(checkId));
    lifecycle.forget(checkId);
    sources.check(checkId, false);
  }

  /** Idempotent both ways: an existing maintenance check keeps its first reason, as in Consul. */
  private void setMaintenanceLocked(
      String checkId, boolean enable, Supplier<LocalCheck> check) {
    boolean present = entries.check(checkId) != null;
    if (enable && !present) {
      LocalCheck c = check.get();
      disk.persist("check " + checkId, d -> d.saveCheck(c));
      lifecycle.add(CheckStart.fresh(c), RegistrationSource.FILE);
    } else if (!enable && present) {
      removeCheckLocked(checkId);
    }
  }

  /** A TTL timer may be due: expire the check unless an update came first. */
  private void ttlDue(String checkId, long token) {
    synchronized (lock) {
      ttl.due(checkId, token);
    }
    sync.pushPending();
  }

  /** The reaper's deregistration; a service already gone is fine. */
  private void reap(String serviceId) {
    if (service(serviceId).isPresent()) {
      deregisterService(serviceId);
    }
  }

  private boolean held(Service service) {
    return antiEntropy.holds(service);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
