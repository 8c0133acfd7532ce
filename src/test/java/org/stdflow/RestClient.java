package org.stdflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small HTTP client for tests against the running app, as a given user (or anonymous). */
public final class RestClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String authorization;

  private RestClient(String base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  public static RestClient anonymous(int port) {
    return new RestClient("http://localhost:" + port, null);
  }

  public static RestClient as(int port, String user, String password) {
    String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new RestClient("http://localhost:" + port, "Basic " + token);
  }

  public record Response(int status, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (Exception e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }
  }

  public Response get(String path) {
    return send(builder(path).GET());
  }

  public Response post(String path, Object body) {
    try {
      return send(builder(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public Response put(String path, Object body) {
    try {
      return send(builder(path).header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A PUT whose body is sent as text/plain (a client that forgot the JSON content type). */
  public Response putText(String path, String body) {
    return send(builder(path).header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Response delete(String path) {
    return send(builder(path).DELETE());
  }

  /** One file part of a multipart request. */
  public record FilePart(String field, String fileName, String contentType, byte[] content) {
  }

  /** An answer with raw bytes and headers (downloads, redirects). */
  public record BinaryResponse(int status, java.net.http.HttpHeaders headers, byte[] body) {
    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  /** multipart/form-data POST with text fields and an optional file part (null: none). */
  public Response postMultipart(String path, Map<String, String> fields, FilePart file) {
    return postMultipart(path, fields, file, Map.of());
  }

  /** As above, with extra request headers. */
  public Response postMultipart(String path, Map<String, String> fields, FilePart file, Map<String, String> headers) {
    String boundary = "----stdflow" + java.util.UUID.randomUUID();
    HttpRequest.Builder b = builder(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fields, file)));
    headers.forEach(b::header);
    return send(b);
  }

  public BinaryResponse getBytes(String path) {
    return getBytes(path, Map.of());
  }

  public BinaryResponse getBytes(String path, Map<String, String> headers) {
    try {
      HttpRequest.Builder b = builder(path).GET();
      headers.forEach(b::header);
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new BinaryResponse(r.statusCode(), r.headers(), r.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The body of a multipart/form-data request (file names raw UTF-8, as browsers send them). */
  public static byte[] multipart(String boundary, Map<String, String> fields, FilePart file) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.util.function.Consumer<String> text = s -> out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    fields.forEach((name, value) -> {
      text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
      text.accept(value + "\r\n");
    });
    if (file != null) {
      text.accept("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field() + "\"; filename=\""
          + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n");
      out.writeBytes(file.content());
      text.accept("\r\n");
    }
    text.accept("--" + boundary + "--\r\n");
    return out.toByteArray();
  }

  /** Camunda REST variables: {"name": {"value": v}} for each entry. */
  public static Map<String, Object> variables(Map<String, ?> values) {
    Map<String, Object> vars = new LinkedHashMap<>();
    values.forEach((k, v) -> vars.put(k, Map.of("value", v)));
    return Map.of("variables", vars);
  }

  private HttpRequest.Builder builder(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }

  private Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(r.statusCode(), r.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
