package io.registry.node.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler driven by a FakeClock: nothing runs until the test calls advance, which moves
 * the clock to each due task in turn and runs it on the test's thread. No sleeps, no races.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
  private final FakeClock clock;
  private final List<Task> tasks = new ArrayList<>();
  private long sequence;
  private boolean shutdown;

  ManualScheduler(FakeClock clock) {
    this.clock = clock;
  }

  /** Moves time forward by d, running every task that falls due on the way, in time order. */
  void advance(Duration d) {
    Instant target = clock.instant().plus(d);
    while (true) {
      Task next;
      synchronized (this) {
        next = tasks.stream()
            .filter(t -> !t.dueAt.isAfter(target))
            .min(Comparator.comparing((Task t) -> t.dueAt).thenComparingLong(t -> t.seq))
            .orElse(null);
        if (next == null) {
          break;
        }
        tasks.remove(next);
      }
      if (next.dueAt.isAfter(clock.instant())) {
        clock.set(next.dueAt);
      }
      next.run();
    }
    clock.set(target);
  }

  /** Runs every task now, due or not, without moving the clock: a wake-up that comes early. */
  void runAllEarly() {
    List<Task> now;
    synchronized (this) {
      now = new ArrayList<>(tasks);
      tasks.clear();
    }
    now.forEach(Task::run);
  }

  /** Tasks waiting to run (cancelled ones are removed at once). */
  synchronized int pending() {
    return tasks.size();
  }

  private synchronized Task add(Runnable r, long delayMs, long periodMs) {
    Task t = new Task(r, clock.instant().plusMillis(Math.max(0, delayMs)), periodMs, ++sequence);
    tasks.add(t);
    return t;
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return add(command, unit.toMillis(delay), 0);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    throw new UnsupportedOperationException("not needed by the agent");
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    return add(command, unit.toMillis(initialDelay), unit.toMillis(period));
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    return add(command, unit.toMillis(initialDelay), unit.toMillis(delay));
  }

  @Override
  public void execute(Runnable command) {
    add(command, 0, 0);
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutdown = true;
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }

  private final class Task implements ScheduledFuture<Object> {
    private final Runnable body;
    private final long periodMs;
    private final long seq;
    private Instant dueAt;
    private boolean cancelled;
    private boolean done;

    Task(Runnable body, Instant dueAt, long periodMs, long seq) {
      this.body = body;
      this.dueAt = dueAt;
      this.periodMs = periodMs;
      this.seq = seq;
    }

    void run() {
      body.run();
      synchronized (ManualScheduler.this) {
        if (periodMs > 0 && !cancelled) {
          dueAt = clock.instant().plusMillis(periodMs);
          tasks.add(this);
        } else {
          done = true;
        }
      }
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(Duration.between(clock.instant(), dueAt));
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      synchronized (ManualScheduler.this) {
        if (done) {
          return false;
        }
        cancelled = true;
        tasks.remove(this);
        return true;
      }
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return done || cancelled;
    }

    @Override
    public Object get() {
      return null;
    }

    @Override
    public Object get(long timeout, TimeUnit unit) {
      return null;
    }
  }
}
