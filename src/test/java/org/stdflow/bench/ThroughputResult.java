package org.stdflow.bench;

import java.util.Locale;

/**
 * One measured throughput run: {@code users} threads, each running whole life cycles one after the
 * other; only life cycles that ended inside the measured window count (warm-up excluded).
 */
public record ThroughputResult(String engine, int users, int lifecycles, long completions, double seconds,
    double p50CompletionMs, double p95CompletionMs) {

  public double lifecyclesPerSecond() {
    return lifecycles / seconds;
  }

  public double completionsPerSecond() {
    return completions / seconds;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s users=%d lifecycles=%d (%.2f/s) completions=%d (%.1f/s) p50=%.1fms p95=%.1fms",
        engine, users, lifecycles, lifecyclesPerSecond(), completions, completionsPerSecond(), p50CompletionMs,
        p95CompletionMs);
  }
}
