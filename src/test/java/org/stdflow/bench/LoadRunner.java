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
 * it and life cycles that ended in it. Any failure stops the run: a benchmark of failing work
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

  private LoadRunner() {
  }

  public static ThroughputResult run(String engine, int users, Duration warmUp, Duration measured, Lifecycle lifecycle)
      throws InterruptedException {
    long start = System.nanoTime();
    long from = start + warmUp.toNanos();
    long to = from + measured.toNanos();
    Timings timings = new Timings();
    ConcurrentLinkedQueue<Long> lifecycleEnds = new ConcurrentLinkedQueue<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch finished = new CountDownLatch(users);
    for (int u = 0; u < users; u++) {
      int user = u;
      Thread thread = new Thread(() -> {
        try {
          while (failure.get() == null && System.nanoTime() < to) {
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
    return new ThroughputResult(engine, users, lifecycles, latencies.size(), measured.toNanos() / 1e9, p50, p95);
  }
}
