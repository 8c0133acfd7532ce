package org.stdflow.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmark's results as Markdown: written between the result markers of docs/benchmarks.md
 * (the hand-written parts around them, such as the tuning log, stay) and whole to target/bench.
 */
final class BenchReport {

  static final String START = "<!-- bench:results:start -->";
  static final String END = "<!-- bench:results:end -->";
  static final double BARE_RATIO_TARGET = 1.25;
  static final double COMMIT_RATIO_TARGET = 0.3;

  private final List<Integer> users;
  private final Duration warmUp;
  private final Duration measured;
  private final Map<String, String> postgres = new LinkedHashMap<>();
  private final Map<Integer, Double> commits = new TreeMap<>();
  private final Map<String, Map<Integer, ThroughputResult>> throughput = new LinkedHashMap<>();
  private final Map<String, String> engineSettings = new LinkedHashMap<>();
  private final List<Latency> latencies = new ArrayList<>();
  private final List<Figure> figures = new ArrayList<>();
  private final List<String> dataNotes = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();

  record Latency(String name, int runs, double p50, double p95, double max, double targetMs, String note) {
  }

  record Figure(String name, String value, String target, boolean met) {
  }

  BenchReport(List<Integer> users, Duration warmUp, Duration measured) {
    this.users = users;
    this.warmUp = warmUp;
    this.measured = measured;
  }

  void postgres(Map<String, String> settings) {
    postgres.putAll(settings);
  }

  void commits(int users, double perSecond) {
    commits.put(users, perSecond);
  }

  double commits(int users) {
    return commits.get(users);
  }

  void throughput(ThroughputResult r) {
    throughput.computeIfAbsent(r.engine(), e -> new TreeMap<>()).put(r.users(), r);
  }

  void engine(String engine, String settings) {
    engineSettings.put(engine, settings);
  }

  void latency(String name, List<Double> millis, double targetMs, String note) {
    List<Double> sorted = new ArrayList<>(millis);
    sorted.sort(null);
    latencies.add(new Latency(name, sorted.size(), sorted.get(sorted.size() / 2),
        sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), sorted.get(sorted.size() - 1), targetMs, note));
  }

  /**
   * A reference row: measured like the others, on the same data, but not a target of ours (e.g. what
   * the engine alone answers), so it never fails the run; shown with "reference" in the target column.
   */
  void reference(String name, List<Double> millis, String note) {
    latency(name, millis, Double.NaN, note);
  }

  void figure(String name, String value, String target, boolean met) {
    figures.add(new Figure(name, value, target, met));
  }

  void dataNote(String note) {
    dataNotes.add(note);
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("## Results\n\n");
    md.append("Measured ").append(ZonedDateTime.now(ZoneId.of("Asia/Shanghai"))
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))).append(" by `")
        .append("mvn -B -Pbench verify -Dtest=PlatformBenchmark").append("`.\n\n");
    md.append("| machine | |\n| --- | --- |\n");
    md.append(row("cores", String.valueOf(Runtime.getRuntime().availableProcessors())));
    md.append(row("memory", memory()));
    md.append(row("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch")));
    md.append(row("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")));
    md.append(row("Camunda", org.camunda.bpm.engine.ProcessEngine.class.getPackage().getImplementationVersion()));
    md.append(row("Spring Boot", org.springframework.boot.SpringBootVersion.getVersion()));
    postgres.forEach((k, v) -> md.append(row("PostgreSQL " + k, v)));
    md.append(row("load", "warm-up at least " + warmUp.toSeconds() + " s, then until the JIT compiles less than "
        + String.format(Locale.ROOT, "%.0f", LoadRunner.JIT_SETTLED_MS_PER_S) + " ms/s (at most "
        + LoadRunner.WARM_UP_MAX.toMinutes() + " min); measured " + measured.toSeconds()
        + " s per engine and concurrency"));
    md.append('\n');
    engineSettings.forEach((e, s) -> md.append("- **").append(e).append("**: ").append(s).append('\n'));
    md.append("\n### Life cycle throughput\n\n");
    md.append("Happy path per life cycle: the proposal (start form) and ").append(LifecycleShape.COMPLETIONS_PER_LIFECYCLE)
        .append(" task completions (formal check → ... → seven acknowledgements), each user running its own life cycles"
            + " back to back. \"÷\" columns: how much longer a completion takes on stdflow than on the other engine"
            + " (other's completions/s ÷ stdflow's); stdflow ÷ bare target ≤ ").append(BARE_RATIO_TARGET)
        .append(". \"bare-auth\" is the bare engine with Camunda's authorization on as stdflow runs it: stdflow ÷"
            + " bare-auth is what stdflow's own features cost on top of the engine's security. CPU ms per completion:"
        + " the CPU time the engine's JVM (with the load's user threads) and the PostgreSQL server spent in the"
        + " measured window, divided by the completions in it — steadier than throughput when the machine is"
        + " shared, and it says which side a difference is on.\n\n");
    md.append("| users | engine | life cycles/s | completions/s | completion p50 ms | completion p95 ms"
        + " | CPU ms per completion: JVM | database |\n");
    md.append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (int u : users) {
      for (Map.Entry<String, Map<Integer, ThroughputResult>> e : throughput.entrySet()) {
        ThroughputResult r = e.getValue().get(u);
        if (r != null) {
          md.append(String.format(Locale.ROOT, "| %d | %s | %.2f | %.1f | %.1f | %.1f | %.1f | %.1f |%n", u, e.getKey(),
              r.lifecyclesPerSecond(), r.completionsPerSecond(), r.p50CompletionMs(), r.p95CompletionMs(),
              r.jvmCpuMsPerCompletion(), r.dbCpuMsPerCompletion()));
        }
      }
    }
    md.append("\nWarm-up used (s, per concurrency in the order above): ");
    List<String> used = new ArrayList<>();
    for (Map.Entry<String, Map<Integer, ThroughputResult>> e : throughput.entrySet()) {
      used.add(e.getKey() + " " + String.join(" / ", users.stream().map(u -> e.getValue().get(u))
          .filter(java.util.Objects::nonNull).map(r -> String.format(Locale.ROOT, "%.0f", r.warmUpSeconds())).toList()));
    }
    md.append(String.join(", ", used)).append(".\n");
    md.append("\n| users | stdflow ÷ bare Camunda | stdflow ÷ bare-auth | stdflow ÷ Flowable | DB commits/s"
        + " | stdflow completions ÷ commits |\n");
    md.append("| ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (int u : users) {
      md.append("| ").append(u).append(" | ").append(ratio("bare", u)).append(" | ").append(ratio("bare-auth", u))
          .append(" | ").append(ratio("flowable", u))
          .append(" | ").append(commits.containsKey(u) ? String.format(Locale.ROOT, "%.0f", commits.get(u)) : "–")
          .append(" | ").append(commitRatio(u)).append(" |\n");
    }
    md.append("\nDB commits/s: one single-row insert per transaction per client, each client on its own connection,"
        + " durability on (the settings above); target stdflow completions ÷ commits ≥ ").append(COMMIT_RATIO_TARGET)
        .append(".\n");
    if (!latencies.isEmpty()) {
      md.append("\n### Large history\n\n");
      dataNotes.forEach(n -> md.append("- ").append(n).append('\n'));
      md.append("\n| query | runs | p50 ms | p95 ms | max ms | target p95 | |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
      for (Latency l : latencies) {
        String target = Double.isNaN(l.targetMs()) ? "reference" : String.format(Locale.ROOT, "< %.0f ms", l.targetMs());
        md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %s | %s |%n", l.name(), l.runs(),
            l.p50(), l.p95(), l.max(), target, l.note()));
      }
    }
    if (!figures.isEmpty()) {
      md.append("\n### Start and memory\n\n| measure | value | target | |\n| --- | ---: | ---: | --- |\n");
      for (Figure f : figures) {
        md.append("| ").append(f.name()).append(" | ").append(f.value()).append(" | ").append(f.target()).append(" | ")
            .append(f.met() ? "met" : "**missed**").append(" |\n");
      }
    }
    return md.toString();
  }

  private String ratio(String other, int u) {
    ThroughputResult ours = result("stdflow", u);
    ThroughputResult theirs = result(other, u);
    if (ours == null || theirs == null) {
      return "–";
    }
    double ratio = theirs.completionsPerSecond() / ours.completionsPerSecond();
    String text = String.format(Locale.ROOT, "%.2f", ratio);
    if (other.equals("bare") && ratio > BARE_RATIO_TARGET) {
      return text + " (**missed**)";
    }
    return text;
  }

  private String commitRatio(int u) {
    ThroughputResult ours = result("stdflow", u);
    if (ours == null || !commits.containsKey(u)) {
      return "–";
    }
    double ratio = ours.completionsPerSecond() / commits.get(u);
    return String.format(Locale.ROOT, "%.2f", ratio) + (ratio < COMMIT_RATIO_TARGET ? " (**missed**)" : "");
  }

  private ThroughputResult result(String engine, int u) {
    Map<Integer, ThroughputResult> byUsers = throughput.get(engine);
    return byUsers == null ? null : byUsers.get(u);
  }

  /** Every missed target, in words. */
  List<String> missed() {
    List<String> missed = new ArrayList<>(failures);
    for (int u : users) {
      ThroughputResult ours = result("stdflow", u);
      ThroughputResult bare = result("bare", u);
      if (ours != null && bare != null && bare.completionsPerSecond() / ours.completionsPerSecond() > BARE_RATIO_TARGET) {
        missed.add("stdflow ÷ bare Camunda at " + u + " users above " + BARE_RATIO_TARGET);
      }
      if (ours != null && commits.containsKey(u) && ours.completionsPerSecond() / commits.get(u) < COMMIT_RATIO_TARGET) {
        missed.add("completions ÷ commits at " + u + " users below " + COMMIT_RATIO_TARGET);
      }
    }
    latencies.stream().filter(l -> !Double.isNaN(l.targetMs()) && l.p95() >= l.targetMs()).forEach(l -> missed.add(l.name() + " p95 " + l.p95() + " ms"));
    figures.stream().filter(f -> !f.met()).forEach(f -> missed.add(f.name() + " " + f.value()));
    return missed;
  }

  void write(Path doc, Path copy) throws IOException {
    String results = markdown();
    Files.createDirectories(copy.getParent());
    Files.writeString(copy, "# Platform benchmark\n\n" + results);
    String text = Files.exists(doc) ? Files.readString(doc) : "# Benchmarks\n\n" + START + "\n" + END + "\n";
    int a = text.indexOf(START);
    int b = text.indexOf(END);
    if (a < 0 || b < a) {
      text = text + "\n" + START + "\n" + END + "\n";
      a = text.indexOf(START);
      b = text.indexOf(END);
    }
    Files.writeString(doc, text.substring(0, a + START.length()) + "\n" + results + text.substring(b));
    System.out.println(results);
  }

  void assertTargets() {
    List<String> missed = missed();
    if (!missed.isEmpty()) {
      throw new AssertionError("benchmark targets missed: " + String.join("; ", missed));
    }
  }

  private static String row(String k, String v) {
    return "| " + k + " | " + v + " |\n";
  }

  private static String memory() {
    long bytes = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize();
    return String.format(Locale.ROOT, "%.1f GiB", bytes / (1024.0 * 1024 * 1024));
  }
}
