package org.stdflow.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time spent in a window: by this JVM (the engine under test runs in it, with the load's user
 * threads) and by the PostgreSQL server's processes (backends and background workers, read from
 * /proc). On a shared machine throughput swings with the neighbours' load; the CPU a completion
 * costs swings much less, and it says where the cost is (application or database).
 */
final class CpuMeter {

  /** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux for decades). */
  private static final double TICKS_PER_SECOND = 100.0;

  private final long jvmNanos;
  private final long compileMillis;
  private final Map<Long, Long> postgresTicks;
  /** What each PostgreSQL process is (its title: a client backend, the autovacuum, the WAL writer, ...). */
  private final Map<Long, String> postgresKinds;

  private CpuMeter(long jvmNanos, long compileMillis, Map<Long, Long> postgresTicks, Map<Long, String> postgresKinds) {
    this.jvmNanos = jvmNanos;
    this.compileMillis = compileMillis;
    this.postgresTicks = postgresTicks;
    this.postgresKinds = postgresKinds;
  }

  static CpuMeter now() {
    long jvm = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    var jit = ManagementFactory.getCompilationMXBean();
    long compile = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    Map<Long, String> kinds = new HashMap<>();
    return new CpuMeter(jvm, compile, postgresTicks(kinds), kinds);
  }

  /**
   * Milliseconds the JIT compilers spent since {@code start} (part of the JVM's CPU): high while the
   * engine's code is still being compiled, i.e. the run is not yet in its steady state.
   */
  double compileMillisSince(CpuMeter start) {
    return compileMillis < 0 || start.compileMillis < 0 ? Double.NaN : compileMillis - start.compileMillis;
  }

  /** Milliseconds of CPU of this JVM since {@code start}. */
  double jvmMillisSince(CpuMeter start) {
    return (jvmNanos - start.jvmNanos) / 1e6;
  }

  /**
   * Milliseconds of CPU of the PostgreSQL processes since {@code start}; a process started in
   * between counts whole, one ended in between is lost (none end while a pool is in use). NaN where
   * there is no /proc.
   */
  double postgresMillisSince(CpuMeter start) {
    if (postgresTicks == null || start.postgresTicks == null) {
      return Double.NaN;
    }
    return postgresMillisByKindSince(start).values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /**
   * The same, by kind of process: "client backends" (the statements of every connection) and each
   * background process by its title ("autovacuum worker", "walwriter", "checkpointer", ...). Empty
   * where there is no /proc.
   */
  Map<String, Double> postgresMillisByKindSince(CpuMeter start) {
    Map<String, Double> byKind = new java.util.TreeMap<>();
    if (postgresTicks == null || start.postgresTicks == null) {
      return byKind;
    }
    for (Map.Entry<Long, Long> e : postgresTicks.entrySet()) {
      long ticks = e.getValue() - start.postgresTicks.getOrDefault(e.getKey(), 0L);
      byKind.merge(postgresKinds.getOrDefault(e.getKey(), "other"), ticks * 1000.0 / TICKS_PER_SECOND, Double::sum);
    }
    return byKind;
  }

  /**
   * A process title as the server sets it: "postgres: postgres stdflow 127.0.0.1(4711) idle" for a
   * connection, "postgres: autovacuum worker stdflow", "postgres: walwriter" for background work.
   */
  static String kind(String title) {
    String t = title.replace('\0', ' ').strip();
    if (!t.startsWith("postgres: ")) {
      return "postmaster";
    }
    t = t.substring("postgres: ".length());
    for (String background : new String[] {"autovacuum worker", "autovacuum launcher", "walwriter", "checkpointer",
        "background writer", "stats collector", "logical replication launcher", "archiver", "wal sender"}) {
      if (t.startsWith(background)) {
        return background;
      }
    }
    return "client backends";
  }

  private static Map<Long, Long> postgresTicks(Map<Long, String> kinds) {
    Path proc = Path.of("/proc");
    if (!Files.isDirectory(proc)) {
      return null;
    }
    Map<Long, Long> ticks = new HashMap<>();
    try (Stream<Path> entries = Files.list(proc)) {
      entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
        try {
          String stat = Files.readString(p.resolve("stat"));
          int open = stat.indexOf('(');
          int close = stat.lastIndexOf(')');
          if (!"postgres".equals(stat.substring(open + 1, close))) {
            return;
          }
          // after "(comm) ": state is field 3; utime and stime are fields 14 and 15
          String[] f = stat.substring(close + 2).split(" ");
          long pid = Long.parseLong(p.getFileName().toString());
          ticks.put(pid, Long.parseLong(f[11]) + Long.parseLong(f[12]));
          kinds.put(pid, kind(Files.readString(p.resolve("cmdline"))));
        } catch (IOException | RuntimeException e) {
          // the process ended while we read it
        }
      });
    } catch (IOException e) {
      return null;
    }
    return ticks;
  }
}
