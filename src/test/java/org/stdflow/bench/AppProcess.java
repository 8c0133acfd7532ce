package org.stdflow.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * stdflow as users run it: its own JVM (the build's main classes and runtime jars, nothing of the
 * tests or of the peer engines), with the given JVM options, on the benchmark's PostgreSQL. Measures
 * the time from launch until the readiness probe answers UP, and the resident memory of the JVM.
 */
final class AppProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;
  private final long startMillis;

  private AppProcess(Process process, int port, Path log, long startMillis) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.startMillis = startMillis;
  }

  /**
   * Starts the app and waits until it is ready. With {@code classDataSharing}, an untimed training
   * run first starts the app until its context is refreshed and exits, writing a class-data archive
   * of every class it loaded (Spring Boot's documented CDS training run); the timed start then maps
   * that archive instead of loading and verifying those classes again.
   */
  static AppProcess start(String jdbcUrl, List<String> jvmOptions, Map<String, String> env, Path workDir,
      boolean classDataSharing) throws Exception {
    return start(jdbcUrl, jvmOptions, env, workDir, classDataSharing, List.of());
  }

  /** As above, with application arguments (e.g. {@code --camunda.bpm.authorization.enabled=false}). */
  static AppProcess start(String jdbcUrl, List<String> jvmOptions, Map<String, String> env, Path workDir,
      boolean classDataSharing, List<String> appArguments) throws Exception {
    Files.createDirectories(workDir);
    List<String> options = new ArrayList<>(jvmOptions);
    if (classDataSharing) {
      Path archive = workDir.resolve("stdflow.jsa");
      Files.deleteIfExists(archive);
      List<String> training = new ArrayList<>(jvmOptions);
      training.add("-XX:ArchiveClassesAtExit=" + archive);
      training.add("-Dspring.context.exit=onRefresh");
      Process p = builder(jdbcUrl, training, env, workDir, freePort(), workDir.resolve("stdflow-cds-training.log"),
          appArguments).start();
      if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || !Files.exists(archive)) {
        p.destroyForcibly();
        throw new IllegalStateException("CDS training run wrote no archive; see stdflow-cds-training.log");
      }
      options.add("-XX:SharedArchiveFile=" + archive);
    }
    int port = freePort();
    Path log = workDir.resolve("stdflow.log");
    ProcessBuilder builder = builder(jdbcUrl, options, env, workDir, port, log, appArguments);
    return waitUntilReady(builder, port, log);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static ProcessBuilder builder(String jdbcUrl, List<String> jvmOptions, Map<String, String> env,
      Path workDir, int port, Path log, List<String> appArguments) {
    String testClasses = Path.of("target", "test-classes").toAbsolutePath().toString();
    String mainClasses = Path.of("target", "classes").toAbsolutePath().toString();
    List<String> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !Path.of(e).toAbsolutePath().toString().equals(testClasses))
        .filter(e -> !e.contains("/org/flowable/") && !e.contains("liquibase"))
        // class-data sharing takes classes from jars only: the app's classes as a jar, as users run them
        .map(e -> Path.of(e).toAbsolutePath().toString().equals(mainClasses) ? appJar(workDir).toString() : e)
        .toList();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-Dfile.encoding=UTF-8", "-cp", String.join(File.pathSeparator, classpath),
        "org.stdflow.StdflowApplication", "--server.port=" + port, "--spring.profiles.active=postgres"));
    command.addAll(appArguments);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put("STDFLOW_DB_URL", jdbcUrl);
    builder.environment().put("STDFLOW_DB_USER", "postgres");
    builder.environment().put("STDFLOW_DB_PASSWORD", "");
    builder.environment().put("STDFLOW_DATA_DIR", workDir.resolve("data").toString());
    return builder;
  }

  /** target/classes packed into a jar in the work directory (made once per benchmark run). */
  private static synchronized Path appJar(Path workDir) {
    Path jar = workDir.resolve("stdflow-classes.jar");
    if (Files.exists(jar)) {
      return jar;
    }
    Path classes = Path.of("target", "classes");
    try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
         var files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(f -> !f.equals(classes)).sorted()::iterator) {
        String name = classes.relativize(f).toString().replace(File.separatorChar, '/');
        if (Files.isDirectory(f)) {
          // directory entries too: Spring's classpath scanning finds nothing in a jar without them
          out.putNextEntry(new java.util.jar.JarEntry(name + "/"));
          out.closeEntry();
          continue;
        }
        out.putNextEntry(new java.util.jar.JarEntry(name));
        Files.copy(f, out);
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return jar;
  }

  private static AppProcess waitUntilReady(ProcessBuilder builder, int port, Path log) throws Exception {
    long t0 = System.nanoTime();
    Process process = builder.start();
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException("stdflow ended during start; see " + log);
      }
      try {
        HttpResponse<String> r = http.send(ready, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("UP")) {
          break;
        }
      } catch (IOException e) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new IllegalStateException("stdflow not ready within 3 minutes; see " + log);
      }
      Thread.sleep(50);
    }
    return new AppProcess(process, port, log, (System.nanoTime() - t0) / 1_000_000);
  }

  int port() {
    return port;
  }

  long startMillis() {
    return startMillis;
  }

  /** Resident set size of the JVM (VmRSS), in MiB. */
  double rssMiB() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("no VmRSS for " + process.pid());
  }

  /** The app's own report of its start ("Started StdflowApplication in ... seconds"), if logged. */
  String startedLine() throws IOException {
    return Files.readAllLines(log).stream().filter(l -> l.contains("Started StdflowApplication")).findFirst()
        .map(l -> l.substring(l.indexOf("Started"))).orElse("");
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
