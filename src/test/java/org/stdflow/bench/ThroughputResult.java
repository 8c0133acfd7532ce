package org.stdflow.bench;

import java.util.Locale;

/**
 * One measured throughput run: {@code users} threads, each running whole life cycles one after the
 * other; only life cycles that ended inside the measured window count (warm-up excluded).
 */
public record ThroughputResult(String engine, int users, int lifecycles, long completions, double seconds,
    double p50CompletionMs, double p95CompletionMs, double jvmCpuMs, double dbCpuMs,
    double jitCompileMs, double warmUpSeconds, java.util.Map<String, Double> dbCpuMsByKind) {

  public double lifecyclesPerSecond() {
    return lifecycles / seconds;
  }

  public double completionsPerSecond() {
    return completions / seconds;
  }

  /** CPU milliseconds of the engine's JVM per completion in the window (the load's threads included). */
  public double jvmCpuMsPerCompletion() {
    return completions == 0 ? Double.NaN : jvmCpuMs / completions;
  }

  /** CPU milliseconds of the database server per completion in the window. */
  public double dbCpuMsPerCompletion() {
    return completions == 0 ? Double.NaN : dbCpuMs / completions;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s users=%d lifecycles=%d (%.2f/s) completions=%d (%.1f/s) p50=%.1fms p95=%.1fms"
        + " cpu/completion jvm=%.1fms db=%.1fms jit=%.0fms/s warm-up=%.0fs", engine, users, lifecycles,
        lifecyclesPerSecond(), completions, completionsPerSecond(), p50CompletionMs, p95CompletionMs,
        jvmCpuMsPerCompletion(), dbCpuMsPerCompletion(), jitCompileMs / seconds, warmUpSeconds);
  }
}
