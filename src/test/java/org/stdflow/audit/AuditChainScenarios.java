package org.stdflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tampering with aud_entry directly in the database (as someone with database access would):
 * an edited row, a deleted row, an inserted row, each found by the verification, which names the
 * first broken link. Every scenario repairs what it broke, since the chain is shared by the tests.
 */
abstract class AuditChainScenarios {

  @Autowired AuditChain chain;
  @Autowired JdbcClient jdbc;
  @Autowired PlatformTransactionManager transactionManager;

  /** Appends n entries in one transaction and returns their sequence numbers. */
  List<Long> appendSome(int n) {
    String marker = UUID.randomUUID().toString();
    List<AuditRecord> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      records.add(AuditRecord.of(Instant.now(), AuditAction.ADMIN_OPERATION).withActor("admin", "camunda-admin")
          .withDetail("test:" + marker, "第 " + i + " 条：中文内容, with \"quotes\"", null));
    }
    new TransactionTemplate(transactionManager).executeWithoutResult(s -> chain.append(records));
    return jdbc.sql("SELECT seq FROM aud_entry WHERE subject = :s ORDER BY seq").param("s", "test:" + marker)
        .query(Long.class).list();
  }

  void assertIntact() {
    AuditChain.Verification v = chain.verify();
    assertThat(v.firstProblem()).as("first broken link").isNull();
    assertThat(v.intact()).isTrue();
    assertThat(v.checked()).isEqualTo(v.lastSeq());
  }

  void editedRowIsFound() {
    List<Long> seqs = appendSome(5);
    assertIntact();
    long victim = seqs.get(2);
    String original = jdbc.sql("SELECT value_text FROM aud_entry WHERE seq = :s").param("s", victim)
        .query(String.class).single();
    jdbc.sql("UPDATE aud_entry SET value_text = :v WHERE seq = :s").param("v", "篡改后的内容").param("s", victim).update();
    AuditChain.Verification v = chain.verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstProblem().seq()).isEqualTo(victim);
    assertThat(v.firstProblem().kind()).isEqualTo("EDITED");
    assertThat(v.firstProblem().message()).contains("第 " + victim + " 条").contains("修改");
    assertThat(v.lastSeq()).isEqualTo(victim - 1);

    // a subtler edit: the actor only
    jdbc.sql("UPDATE aud_entry SET value_text = :v, actor = 'zhaomin' WHERE seq = :s").param("v", original)
        .param("s", victim).update();
    assertThat(chain.verify().firstProblem().seq()).isEqualTo(victim);

    jdbc.sql("UPDATE aud_entry SET actor = 'admin' WHERE seq = :s").param("s", victim).update();
    assertIntact();
  }

  void deletedRowIsFound() {
    List<Long> seqs = appendSome(5);
    long victim = seqs.get(1);
    Map<String, Object> row = jdbc.sql("SELECT * FROM aud_entry WHERE seq = :s").param("s", victim).query().singleRow();
    jdbc.sql("DELETE FROM aud_entry WHERE seq = :s").param("s", victim).update();
    AuditChain.Verification v = chain.verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstProblem().seq()).isEqualTo(victim);
    assertThat(v.firstProblem().kind()).isEqualTo("MISSING");
    assertThat(v.firstProblem().message()).contains("缺失");
    reinsert(row);
    assertIntact();

    // the last row: the head still remembers it
    long last = seqs.get(4);
    Map<String, Object> lastRow = jdbc.sql("SELECT * FROM aud_entry WHERE seq = :s").param("s", last).query().singleRow();
    jdbc.sql("DELETE FROM aud_entry WHERE seq = :s").param("s", last).update();
    AuditChain.Verification tail = chain.verify();
    assertThat(tail.firstProblem().kind()).isEqualTo("MISSING");
    assertThat(tail.firstProblem().seq()).isEqualTo(last);
    reinsert(lastRow);
    assertIntact();
  }

  void insertedRowIsFound() {
    appendSome(3);
    // a forger who knows the algorithm appends a well-formed entry after the last one
    Map<String, Object> head = jdbc.sql("SELECT last_seq, last_hash FROM aud_chain_head WHERE id = 1").query().singleRow();
    long seq = ((Number) head.get("last_seq")).longValue() + 1;
    String prev = ((String) head.get("last_hash")).strip();
    Instant at = Instant.parse("2026-01-05T02:00:00Z");
    AuditRecord forged = AuditRecord.of(at, AuditAction.DECISION).withActor("wangjianguo", "leadership")
        .withDetail("publicationDecision", "approve", "补录");
    insertRaw(seq, at, prev, AuditHashing.hash(seq, at, prev, forged), forged);
    AuditChain.Verification v = chain.verify();
    assertThat(v.intact()).isFalse();
    assertThat(v.firstProblem().kind()).isEqualTo("INSERTED");
    assertThat(v.firstProblem().seq()).isEqualTo(seq);
    jdbc.sql("DELETE FROM aud_entry WHERE seq = :s").param("s", seq).update();
    assertIntact();

    // a row slipped in where one was taken out: the next entry no longer leads back to it
    List<Long> seqs = appendSome(3);
    long middle = seqs.get(1);
    Map<String, Object> original = jdbc.sql("SELECT * FROM aud_entry WHERE seq = :s").param("s", middle).query()
        .singleRow();
    String before = ((String) original.get("prev_hash")).strip();
    jdbc.sql("DELETE FROM aud_entry WHERE seq = :s").param("s", middle).update();
    insertRaw(middle, at, before, AuditHashing.hash(middle, at, before, forged), forged);
    AuditChain.Verification replaced = chain.verify();
    assertThat(replaced.firstProblem().kind()).isEqualTo("INSERTED");
    assertThat(replaced.firstProblem().seq()).isEqualTo(middle + 1);
    jdbc.sql("DELETE FROM aud_entry WHERE seq = :s").param("s", middle).update();
    reinsert(original);
    assertIntact();

    // a row before the start of the chain
    insertRaw(-5, at, AuditHashing.GENESIS, "f".repeat(64), forged);
    AuditChain.Verification early = chain.verify();
    assertThat(early.firstProblem().kind()).isEqualTo("INSERTED");
    assertThat(early.firstProblem().seq()).isEqualTo(-5);
    jdbc.sql("DELETE FROM aud_entry WHERE seq = -5").update();
    assertIntact();
  }

  /** Several writers at once (threads, as nodes would) still make one unbroken chain. */
  void concurrentAppendsFormOneChain() throws Exception {
    long before = jdbc.sql("SELECT last_seq FROM aud_chain_head WHERE id = 1").query(Long.class).single();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 10; i++) {
            appendSome(2);
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    long after = jdbc.sql("SELECT last_seq FROM aud_chain_head WHERE id = 1").query(Long.class).single();
    assertThat(after - before).isEqualTo(80);
    assertIntact();
  }

  private void insertRaw(long seq, Instant at, String prev, String hash, AuditRecord r) {
    jdbc.sql("INSERT INTO aud_entry (seq, occurred_at, recorded_at, actor, actor_section, action, subject, value_text,"
            + " reason, prev_hash, hash) VALUES (:seq, :at, :at, :actor, :section, :action, :subject, :value, :reason,"
            + " :prev, :hash)")
        .param("seq", seq).param("at", AuditChain.utc(at)).param("actor", r.actor()).param("section", r.actorSection())
        .param("action", r.action().name()).param("subject", r.subject()).param("value", r.value())
        .param("reason", r.reason()).param("prev", prev).param("hash", hash).update();
  }

  private void reinsert(Map<String, Object> row) {
    List<String> columns = new ArrayList<>();
    row.keySet().forEach(k -> columns.add(k.toLowerCase(java.util.Locale.ROOT)));
    var spec = jdbc.sql("INSERT INTO aud_entry (" + String.join(", ", columns) + ") VALUES ("
        + String.join(", ", columns.stream().map(c -> ":" + c).toList()) + ")");
    for (Map.Entry<String, Object> e : row.entrySet()) {
      spec = spec.param(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue());
    }
    spec.update();
  }
}
