package org.stdflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A Camunda webapp session, as Tasklist holds one: the page gives the CSRF token, the login sets the
 * session cookie; then the webapps' own engine API ({@code /camunda/api/engine/engine/default/…}).
 */
public record WebappSession(HttpClient client, int port, String csrf) {

  public static WebappSession login(int port, String user, String password) throws Exception {
    var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    String base = "http://localhost:" + port + "/camunda";
    var page = client.send(HttpRequest.newBuilder(URI.create(base + "/app/tasklist/default/"))
        .build(), HttpResponse.BodyHandlers.ofString());
    String csrf = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    var login = client.send(HttpRequest.newBuilder(
            URI.create(base + "/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    // the login starts a new session (fixation protection): its token comes with the next read
    var engines = client.send(HttpRequest.newBuilder(URI.create(base + "/api/engine/engine")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(engines.statusCode()).as(engines.body()).isEqualTo(200);
    return new WebappSession(client, port, engines.headers().firstValue("X-XSRF-TOKEN").orElseThrow());
  }

  public HttpResponse<String> get(String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String path, String json) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
