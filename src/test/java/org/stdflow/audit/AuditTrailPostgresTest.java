package org.stdflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdflow.StdflowPostgresTest;
import org.stdflow.standard.LifecycleTestSupport;
import org.stdflow.standard.StandardLifecycleProcess.Vars;

/**
 * The trail on PostgreSQL: a standard published through the whole life cycle (every app-record
 * query of the chain runs against PostgreSQL), its decisions and document hashes, the sweep, the
 * exports and the verification.
 */
@StdflowPostgresTest
class AuditTrailPostgresTest extends LifecycleTestSupport {

  @Autowired AuditTrail trail;
  @Autowired AuditChain chain;
  @Autowired AuditSweep sweep;
  @Autowired AuditExports exports;

  @Test
  void aPublishedStandardsTrailOnPostgres() {
    ProcessInstance pi = inForce(unique("节能巡查服务规范"), "INTERNAL", null, true);
    long id = standardId(pi);
    List<AuditTrail.View> entries = trail.search(new AuditQuery(id, null, null, null, null, null, null, 5000, 0));

    assertThat(entries.get(0).action()).isEqualTo("PROCESS_STARTED");
    assertThat(entries.stream().filter(e -> e.action().equals("DECISION") && Vars.FORMAL_CHECK_DECISION
        .equals(e.subject()))).singleElement().satisfies(e -> {
          assertThat(e.value()).isEqualTo("accept");
          assertThat(e.actor()).isEqualTo("zhaomin");
          assertThat(e.step()).isEqualTo("形式审查");
        });
    List<String> hashes = jdbc.sql("SELECT sha256 FROM std_document WHERE standard_id = :s").param("s", id)
        .query(String.class).list().stream().map(String::strip).sorted().toList();
    assertThat(entries.stream().filter(e -> e.action().equals("DOCUMENT_UPLOADED")).map(AuditTrail.View::sha256)
        .sorted().toList()).isEqualTo(hashes);
    assertThat(entries.stream().filter(e -> e.action().equals("TASK_COMPLETED")
        && "Task_AcknowledgeStandard".equals(e.activityId()))).isNotEmpty();
    assertThat(entries.stream().filter(e -> e.action().equals("MAIL_QUEUED"))).isNotEmpty();
    assertThat(entries).extracting(AuditTrail.View::occurredAt).isSorted();

    sweep.sweepOnce();
    byte[] pdf = exports.pdf(entries, "测试");
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    assertThat(chain.verify().intact()).isTrue();
  }
}
