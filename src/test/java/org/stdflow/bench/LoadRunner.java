package org.stdflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one engine's life cycle with N concurrent users for a warm-up and a measured window. Each
 * user is a thread that runs whole life cycles back to back (its own instances, so users never wait
 * on each other's tasks). Counted inside the measured window only: task completions that ended in
 * it and life cycles that ended in it, and the CPU time this JVM and the database server spent in it
 * ({@link CpuMeter}). Any failure stops the run: a benchmark of failing work
 * measures nothing.
 */
public final class LoadRunner {

  /** One whole happy path for the given user, timing each task completion through {@code timings}. */
  @FunctionalInterface
  public interface Lifecycle {
    void run(int user, Timings timings) throws Exception;
  }

  @FunctionalInterface
  public interface ThrowingRunnable {
    void run() throws Exception;
  }

  /** Records each task completion: when it ended and how long it took. */
  public static final class Timings {
    private final ConcurrentLinkedQueue<long[]> completions = new ConcurrentLinkedQueue<>();

    public <T> T completion(Callable<T> work) throws Exception {
      long start = System.nanoTime();
      T result = work.call();
      long end = System.nanoTime();
      completions.add(new long[] {end, end - start});
      return result;
    }

    public void completion(ThrowingRunnable work) throws Exception {
      completion(() -> {
        work.run();
        return null;
      });
    }
  }

  /** Something to do at the edges of the measured window (e.g. a statement profile of the database). */
  public interface Window {
    /** Just before the window opens. */
    void opened() throws Exception;

    /** As the window closes, while the users still run: returns what to do once the result is known. */
    java.util.function.Consumer<ThroughputResult> closing() throws Exception;
  }

  private LoadRunner() {
  }

  /** JIT compile time per second below which the engine's code counts as compiled (-Dbench.jitSettledMsPerS). */
  static final double JIT_SETTLED_MS_PER_S = Double.parseDouble(System.getProperty("bench.jitSettledMsPerS", "250"));
  /** Longest warm-up while waiting for the JIT (-Dbench.warmupMax). */
  static final Duration WARM_UP_MAX = Duration.parse(System.getProperty("bench.warmupMax", "PT5M"));
  private static final Duration JIT_STEP = Duration.ofSeconds(10);

  public static ThroughputResult run(String engine, int users, Duration warmUp, Duration measured, Lifecycle lifecycle)
      throws InterruptedException {
    return run(engine, users, warmUp, measured, lifecycle, false);
  }

  /**
   * With {@code untilCompiled}, the warm-up goes on after {@code warmUp} in steps of 10 s until the
   * JIT compiled less than {@link #JIT_SETTLED_MS_PER_S} per second in a step (at most
   * {@link #WARM_UP_MAX}): an engine with a large code base (the whole app) otherwise spends the
   * first minutes of load compiling, on the same cores as the work measured, and a short fixed
   * warm-up measures that instead of its steady state. Applied alike to every engine.
   */
  public static ThroughputResult run(String engine, int users, Duration warmUp, Duration measured, Lifecycle lifecycle,
      boolean untilCompiled) throws InterruptedException {
    return run(engine, users, warmUp, measured, lifecycle, untilCompiled, null);
  }

  /** The same, with {@code window} (may be null) told when the measured window opens and closes. */
  public static ThroughputResult run(String engine, int users, Duration warmUp, Duration measured, Lifecycle lifecycle,
      boolean untilCompiled, Window window) throws InterruptedException {
    long start = System.nanoTime();
    Timings timings = new Timings();
    ConcurrentLinkedQueue<Long> lifecycleEnds = new ConcurrentLinkedQueue<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(users);
    for (int u = 0; u < users; u++) {
      int user = u;
      Thread thread = new Thread(() -> {
        try {
          while (failure.get() == null && !stop.get()) {
            lifecycle.run(user, timings);
            lifecycleEnds.add(System.nanoTime());
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        } finally {
          finished.countDown();
        }
      }, engine + "-user-" + u);
      thread.start();
    }
    sleepUntil(start + warmUp.toNanos());
    if (untilCompiled) {
      CpuMeter step = CpuMeter.now();
      while (failure.get() == null && System.nanoTime() - start < WARM_UP_MAX.toNanos()) {
        sleepUntil(System.nanoTime() + JIT_STEP.toNanos());
        CpuMeter now = CpuMeter.now();
        double jitRate = now.compileMillisSince(step) / JIT_STEP.toSeconds();
        step = now;
        if (!(jitRate >= JIT_SETTLED_MS_PER_S)) {
          break;
        }
      }
    }
    if (window != null) {
      edge(window::opened, failure);
    }
    // CPU over the measured window only (the users are running throughout it)
    long from = System.nanoTime();
    double warmUpSeconds = (from - start) / 1e9;
    CpuMeter cpuFrom = CpuMeter.now();
    long to = from + measured.toNanos();
    sleepUntil(to);
    CpuMeter cpuTo = CpuMeter.now();
    AtomicReference<java.util.function.Consumer<ThroughputResult>> report = new AtomicReference<>();
    if (window != null) {
      edge(() -> report.set(window.closing()), failure);
    }
    stop.set(true);
    finished.await();
    if (failure.get() != null) {
      throw new IllegalStateException(engine + " with " + users + " users failed", failure.get());
    }
    int lifecycles = (int) lifecycleEnds.stream().filter(t -> t >= from && t <= to).count();
    List<Double> latencies = new ArrayList<>();
    for (long[] c : timings.completions) {
      if (c[0] >= from && c[0] <= to) {
        latencies.add(c[1] / 1e6);
      }
    }
    Collections.sort(latencies);
    double p50 = latencies.isEmpty() ? 0 : latencies.get(latencies.size() / 2);
    double p95 = latencies.isEmpty() ? 0 : latencies.get((int) Math.ceil(latencies.size() * 0.95) - 1);
    ThroughputResult result = new ThroughputResult(engine, users, lifecycles, latencies.size(),
        measured.toNanos() / 1e9, p50, p95, cpuTo.jvmMillisSince(cpuFrom), cpuTo.postgresMillisSince(cpuFrom),
        cpuTo.compileMillisSince(cpuFrom), warmUpSeconds, cpuTo.postgresMillisByKindSince(cpuFrom));
    if (report.get() != null) {
      report.get().accept(result);
    }
    return result;
  }

  private static void edge(ThrowingRunnable work, AtomicReference<Throwable> failure) {
    try {
      work.run();
    } catch (Exception e) {
      failure.compareAndSet(null, e);
    }
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left;
    while ((left = nanoTime - System.nanoTime()) > 0) {
      Thread.sleep(Math.max(1, left / 1_000_000));
    }
  }
}
