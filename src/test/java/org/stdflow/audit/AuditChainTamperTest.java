package org.stdflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;

/** Tampering on H2, also as seen through the verification endpoint. */
@StdflowSpringTest
class AuditChainTamperTest extends AuditChainScenarios {

  @LocalServerPort int port;

  @Test
  void anEditedRowIsFound() {
    editedRowIsFound();
  }

  @Test
  void aDeletedRowIsFound() {
    deletedRowIsFound();
  }

  @Test
  void anInsertedRowIsFound() {
    insertedRowIsFound();
  }

  @Test
  void concurrentWritersKeepOneChain() throws Exception {
    concurrentAppendsFormOneChain();
  }

  @Test
  void theVerificationEndpointReportsTheFirstBrokenLink() {
    List<Long> seqs = appendSome(3);
    RestClient auditor = RestClient.as(port, "linxiao", "demo");
    JsonNode ok = auditor.get("/api/audit/verification").json();
    assertThat(ok.path("intact").asBoolean()).isTrue();
    assertThat(ok.path("checked").asLong()).isGreaterThanOrEqualTo(seqs.get(2));
    assertThat(ok.path("lastHash").asText()).isEqualTo(jdbc.sql("SELECT last_hash FROM aud_chain_head WHERE id = 1")
        .query(String.class).single().strip());

    long victim = seqs.get(1);
    jdbc.sql("UPDATE aud_entry SET reason = '事后补充' WHERE seq = :s").param("s", victim).update();
    try {
      RestClient.Response r = auditor.get("/api/audit/verification");
      assertThat(r.status()).isEqualTo(200);
      JsonNode broken = r.json();
      assertThat(broken.path("intact").asBoolean()).isFalse();
      assertThat(broken.path("firstProblem").path("seq").asLong()).isEqualTo(victim);
      assertThat(broken.path("firstProblem").path("kind").asText()).isEqualTo("EDITED");
      assertThat(broken.path("firstProblem").path("message").asText()).contains("被修改");
    } finally {
      jdbc.sql("UPDATE aud_entry SET reason = NULL WHERE seq = :s").param("s", victim).update();
    }
    assertIntact();
  }
}
