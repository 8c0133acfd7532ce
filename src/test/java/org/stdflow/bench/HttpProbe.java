package org.stdflow.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Timed HTTP requests to the app as one user (basic authentication, as the REST API accepts it). */
final class HttpProbe {

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String authorization;

  HttpProbe(int port, String user, String password) {
    this.base = "http://127.0.0.1:" + port;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  String get(String path, String accept) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
  }

  String post(String path, String accept, String json) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  private String send(HttpRequest.Builder b) throws Exception {
    HttpResponse<String> r = http.send(b.header("Authorization", authorization).timeout(Duration.ofSeconds(300)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (r.statusCode() != 200) {
      throw new IllegalStateException(r.request().uri() + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }

  /** Longest a measurement may take; a slow query then gets fewer runs (at least {@link #MIN_RUNS}). */
  static final Duration BUDGET = Duration.ofSeconds(Long.getLong("bench.queryBudgetSeconds", 90));
  static final int MIN_RUNS = 5;

  /**
   * Runs the request {@code warmUp} times unmeasured, then {@code runs} times (fewer when the time
   * budget is spent, never fewer than {@link #MIN_RUNS}); milliseconds each.
   */
  static List<Double> time(int warmUp, int runs, Request request) throws Exception {
    long until = System.nanoTime() + BUDGET.toNanos();
    for (int i = 0; i < warmUp && (i < 1 || System.nanoTime() < until); i++) {
      request.run(i);
    }
    until = System.nanoTime() + BUDGET.toNanos();
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < runs && (i < MIN_RUNS || System.nanoTime() < until); i++) {
      long t = System.nanoTime();
      request.run(i);
      ms.add((System.nanoTime() - t) / 1e6);
    }
    return ms;
  }

  @FunctionalInterface
  interface Request {
    void run(int i) throws Exception;
  }
}
