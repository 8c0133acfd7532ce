package org.stdflow.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.stdflow.StdflowPostgresTest;
import org.stdflow.document.DocumentKind;

/** The life cycle's happy path on a real PostgreSQL: proposal to publication, with the register. */
@StdflowPostgresTest
class StandardLifecyclePostgresTest extends LifecycleTestSupport {

  @Test
  void proposalToPublicationOnPostgresql() {
    ProcessInstance pi = inForce("机关食堂服务规范（PostgreSQL）-" + java.util.UUID.randomUUID().toString().substring(0, 6),
        "INTERNAL", null);

    StandardRegister.Standard s = register.get(standardId(pi));
    assertThat(s.status()).isEqualTo(StandardStatus.IN_FORCE);
    assertThat(s.code()).matches("Q/BSJG BZ205\\.\\d+-" + today().getYear());
    assertThat(s.nextReviewDate()).isEqualTo(s.effectiveDate().plusYears(3));
    assertThat(documents.documentsOfVersion(s.currentVersionId())).extracting(d -> d.kind())
        .contains(DocumentKind.STANDARD_TEXT, DocumentKind.DRAFTING_NOTES, DocumentKind.COMMENT_TABLE,
            DocumentKind.MEETING_MINUTES);
    assertThat(register.noticeKinds(s.id())).containsExactly("PUBLISHED");
    assertThat(pi).hasPassedInOrder(StandardLifecycleProcess.TASK_FORMAL_CHECK,
        StandardLifecycleProcess.TASK_APPROVE_PROJECT, StandardLifecycleProcess.TASK_DRAFT_STANDARD,
        StandardLifecycleProcess.TASK_RESOLVE_COMMENTS, StandardLifecycleProcess.TASK_HOLD_REVIEW_MEETING,
        StandardLifecycleProcess.TASK_APPROVE_PUBLICATION, StandardLifecycleProcess.TASK_PUBLISH_STANDARD,
        StandardLifecycleProcess.TASK_RECORD_TRAINING);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(StandardLifecycleProcess.Vars.PROPOSER).singleResult().getValue()).isEqualTo("liuyang");
  }
}
