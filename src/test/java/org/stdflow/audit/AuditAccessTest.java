package org.stdflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;

/**
 * Who reaches the audit trail: auditors and admins read everything; auditors change nothing
 * (the audit API is read-only, and the engine refuses them any change); section heads get 403 on
 * the API and the page; anonymous callers must log in.
 */
@StdflowSpringTest
class AuditAccessTest {

  private static final String[] READS = {"/api/audit/entries", "/api/audit/entries.csv", "/api/audit/verification",
      "/api/audit/standards?q=BZ", "/api/audit/sections"};

  @LocalServerPort int port;

  @Test
  void auditorsAndAdminsReadEverything() {
    for (RestClient reader : new RestClient[] {RestClient.as(port, "linxiao", "demo"),
        RestClient.as(port, "admin", "admin-secret")}) {
      for (String path : READS) {
        assertThat(reader.getBytes(path).status()).as(path).isEqualTo(200);
      }
      RestClient.Response page = reader.get("/pages/audit.html");
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("审计追溯");
      assertThat(reader.getBytes("/pages/audit.js").status()).isEqualTo(200);
    }
  }

  @Test
  void auditorsChangeNothing() {
    RestClient auditor = RestClient.as(port, "linxiao", "demo");
    // the audit API has no writing method at all
    assertThat(auditor.post("/api/audit/entries", Map.of()).status()).isEqualTo(405);
    assertThat(auditor.put("/api/audit/entries", Map.of()).status()).isEqualTo(405);
    assertThat(auditor.delete("/api/audit/entries").status()).isEqualTo(405);
    assertThat(auditor.post("/api/audit/verification", Map.of()).status()).isEqualTo(405);
    // and the engine refuses an auditor every change
    assertThat(auditor.post("/engine-rest/process-definition/key/standard-lifecycle/start",
        RestClient.variables(Map.of("title", "审计员不能发起"))).status()).isEqualTo(403);
    String taskId = RestClient.as(port, "admin", "admin-secret").get("/engine-rest/task?maxResults=1").json()
        .path(0).path("id").asText();
    if (!taskId.isEmpty()) {
      assertThat(auditor.post("/engine-rest/task/" + taskId + "/complete", Map.of()).status()).isIn(403, 404);
      assertThat(auditor.post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", "linxiao")).status())
          .isIn(403, 404);
    }
    assertThat(auditor.delete("/engine-rest/deployment/does-not-matter").status()).isIn(403, 404);
  }

  @Test
  void sectionHeadsAreTurnedAway() {
    RestClient sectionHead = RestClient.as(port, "liuyang", "demo");
    for (String path : READS) {
      RestClient.Response r = sectionHead.get(path);
      assertThat(r.status()).as(path).isEqualTo(403);
      assertThat(r.json().path("message").asText()).contains("审计");
    }
    RestClient.Response page = sectionHead.get("/pages/audit.html");
    assertThat(page.status()).isEqualTo(403);
    assertThat(page.body()).contains("无权访问");
    assertThat(sectionHead.get("/pages/audit.js").status()).isEqualTo(403);
    // the static resources would serve these as the page itself
    assertThat(sectionHead.get("/pages/audit.html/").status()).isEqualTo(403);
    assertThat(sectionHead.get("/pages/audit.js/").status()).isEqualTo(403);
    assertThat(RestClient.as(port, "majun", "demo").get("/api/audit/entries").status()).isEqualTo(403);
  }

  @Test
  void anonymousCallersMustLogIn() {
    assertThat(RestClient.anonymous(port).get("/api/audit/entries").status()).isEqualTo(401);
  }

  @Test
  void badInputIsExplained() {
    RestClient auditor = RestClient.as(port, "linxiao", "demo");
    RestClient.Response unknown = auditor.get("/api/audit/entries?standardCode=Q%2FBSJG%20BZ999.9-1999");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("message").asText()).contains("Q/BSJG BZ999.9-1999").contains("未找到");
    assertThat(auditor.get("/api/audit/entries.pdf?standardCode=NO-SUCH").status()).isEqualTo(404);
    assertThat(auditor.get("/api/audit/processes?standardCode=NO-SUCH").status()).isEqualTo(404);
    assertThat(auditor.get("/api/audit/entries?standardId=987654321").status()).isEqualTo(404);

    RestClient.Response badDate = auditor.get("/api/audit/entries?from=2026-13-45");
    assertThat(badDate.status()).isEqualTo(400);
    assertThat(badDate.json().path("message").asText()).contains("日期格式有误").contains("2026-13-45")
        .contains("yyyy-MM-dd");
    assertThat(auditor.get("/api/audit/entries?to=yesterday").status()).isEqualTo(400);
    assertThat(auditor.get("/api/audit/entries.csv?from=27.11.2026").status()).isEqualTo(400);
    RestClient.Response reversed = auditor.get("/api/audit/entries?from=2026-03-02&to=2026-03-01");
    assertThat(reversed.status()).isEqualTo(400);
    assertThat(reversed.json().path("message").asText()).contains("晚于");
    assertThat(auditor.get("/api/audit/entries?limit=abc").status()).isEqualTo(400);
    assertThat(auditor.get("/api/audit/entries?action=HACK").status()).isEqualTo(400);
    RestClient.Response noRun = auditor.get("/api/audit/processes/no-such-run");
    assertThat(noRun.status()).isEqualTo(404);
    assertThat(noRun.json().path("message").asText()).contains("no-such-run");
  }
}
