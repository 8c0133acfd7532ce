package org.stdflow.cluster;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.stdflow.RestClient;

/**
 * One stdflow node of the test cluster: the application in a child JVM of its own (its own engine,
 * job executor, scheduler, connection pool and web server), started from the build's main classes
 * and runtime jars, with its output in a log file. {@link #kill()} is SIGKILL: no shutdown hook, no
 * graceful end of running jobs, open transactions die with the connections.
 */
final class ClusterNode {

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;

  private ClusterNode(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code org.stdflow.StdflowApplication} with the given environment and arguments, in a JVM
   * whose default time zone is {@code serverZone} (as the server's {@code TZ} would set it). The
   * classpath is this JVM's without the test classes (so no test configuration leaks into the node),
   * plus {@code extraClasses} (a directory with test-only delegates the cluster test deploys).
   */
  static ClusterNode start(String name, String serverZone, Path workDir, Path extraClasses, Map<String, String> env,
      List<String> args) throws IOException {
    int port = freePort();
    Path log = workDir.resolve(name + ".log");
    String testClasses = Path.of("target", "test-classes").toAbsolutePath().toString();
    List<String> classpath = new ArrayList<>(Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).toAbsolutePath().toString().equals(testClasses))
        .toList());
    classpath.add(0, extraClasses.toAbsolutePath().toString());
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // a node in the test needs neither the peak compiler nor a large heap; both cut the start on 2 cores
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k",
        "-Dfile.encoding=UTF-8", "-Duser.timezone=" + serverZone,
        "-cp", String.join(File.pathSeparator, classpath),
        "org.stdflow.StdflowApplication",
        "--server.port=" + port));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put("STDFLOW_NODE_ID", name);
    builder.environment().put("STDFLOW_DATA_DIR", workDir.resolve(name + "-data").toString());
    Process process = builder.start();
    // a test JVM that ends without @AfterAll (Ctrl-C, fork timeout) takes its nodes with it
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop " + name));
    return new ClusterNode(name, port, process, log);
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Waits until the readiness probe answers UP (engine started, models deployed, web server up). */
  void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long until = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + " while starting:\n" + tail(80));
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5))
            .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError(name + " not ready within " + timeout + ":\n" + tail(80));
  }

  RestClient as(String user, String password) {
    return RestClient.as(port, user, password);
  }

  /** Abrupt stop, as a power cut or an OOM kill would do it. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** The node's log as lines (UTF-8; a line cut by the kill is kept as it is). */
  List<String> logLines() {
    try {
      return Arrays.asList(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\n"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  String tail(int lines) {
    List<String> all = logLines();
    return all.subList(Math.max(0, all.size() - lines), all.size()).stream().collect(Collectors.joining("\n"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  @Override
  public String toString() {
    return name + " (port " + port + ")";
  }
}
