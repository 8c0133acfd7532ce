package org.stdflow.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.stdflow.standard.StandardLifecycleProcess.*;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.test.context.TestExecutionListeners;
import org.stdflow.StdflowSpringTest;
import org.stdflow.document.DocumentKind;
import org.stdflow.document.DocumentService;
import org.stdflow.platform.validation.FormValidationException;
import org.stdflow.standard.StandardLifecycleProcess.Vars;

/**
 * standard-lifecycle, one method per path: each gateway outcome, the comment deadline, the
 * acknowledgement deadline, the periodic review timer with each outcome, the out-of-cycle message,
 * and revisions superseding the old version. Each asserts the register rows and documents.
 */
@StdflowSpringTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class StandardLifecycleProcessTest extends LifecycleTestSupport {

  @Autowired StandardLifecycleService lifecycle;

  // ---------------------------------------------------------------- proposal phase

  @Test
  void acceptedAndApprovedProposalIsRegisteredAndGoesToDrafting() {
    String title = unique("机关食堂服务规范");
    ProcessInstance pi = propose("liuyang", proposal(title));
    long id = standardId(pi);
    // task-local copies for Tasklist's lists (section heads cannot read process variables there)
    assertThat(engine.getTaskService().getVariablesLocal(task(pi, TASK_FORMAL_CHECK).getId()))
        .containsEntry("listTitle", title).containsEntry("listSection", "食堂管理科");
    assertThat(pi).variables().containsEntry(Vars.PROPOSER_NAME, "刘洋");

    assertThat(pi).isWaitingAt(TASK_FORMAL_CHECK);
    assertThat(register.get(id).status()).isEqualTo(StandardStatus.PROPOSED);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getBusinessKey()).isEqualTo(String.format("BZ%06d", id));
    assertThat(pi).variables().containsEntry(Vars.PROPOSER, "liuyang")
        .containsEntry(Vars.NODE_NAME, "205 后勤服务保障（食堂、物业、会务）")
        .containsEntry(Vars.RESPONSIBLE_SECTION_NAME, "食堂管理科");
    complete(pi, TASK_FORMAL_CHECK, "zhaomin", Map.of(Vars.FORMAL_CHECK_DECISION, "accept"));
    assertThat(pi).isWaitingAt(TASK_APPROVE_PROJECT);
    complete(pi, TASK_APPROVE_PROJECT, "wangjianguo", Map.of(Vars.PROJECT_DECISION, "approve"));

    assertThat(pi).hasPassedInOrder(START_PROPOSAL_SUBMITTED, TASK_REGISTER_PROPOSAL, TASK_FORMAL_CHECK,
        TASK_APPROVE_PROJECT, "Task_StartDrafting").isWaitingAt(TASK_DRAFT_STANDARD);
    assertThat(task(pi, TASK_DRAFT_STANDARD).getDueDate()).isNotNull();
    assertThat(candidateGroups(task(pi, TASK_DRAFT_STANDARD))).containsExactly("sec-canteen");
    assertThat(register.get(id).status()).isEqualTo(StandardStatus.DRAFTING);
  }

  @Test
  void supplementLoopUpdatesTheRegisteredProposal() {
    String title = unique("会务茶水服务规程");
    ProcessInstance pi = propose("liuyang", proposal(title));
    long id = standardId(pi);
    complete(pi, TASK_FORMAL_CHECK, "zhaomin",
        Map.of(Vars.FORMAL_CHECK_DECISION, "supplement", Vars.FORMAL_CHECK_REASON, "请补充适用范围"));

    assertThat(pi).isWaitingAt(TASK_SUPPLEMENT_PROPOSAL);
    assertThat(task(pi, TASK_SUPPLEMENT_PROPOSAL).getAssignee()).isEqualTo("liuyang");
    Map<String, Object> supplemented = proposal(title + "（修改）");
    supplemented.put(Vars.SCOPE, "适用于区行政中心各会议室的茶水服务");
    complete(pi, TASK_SUPPLEMENT_PROPOSAL, "liuyang", supplemented);

    assertThat(pi).isWaitingAt(TASK_FORMAL_CHECK);
    // the second formal check opens empty, not with the first one's 退回补充 and its reason
    assertThat(engine.getTaskService().getVariables(task(pi, TASK_FORMAL_CHECK).getId()))
        .doesNotContainKeys(Vars.FORMAL_CHECK_DECISION, Vars.FORMAL_CHECK_REASON);
    assertThat(register.get(id).title()).isEqualTo(title + "（修改）");
    assertThat(standardId(pi)).as("the same register entry").isEqualTo(id);
  }

  /** A supplement cannot turn the proposal into a revision of a standard in force, or back, or retarget it. */
  @Test
  void aSupplementKeepsTheKindAndTheRevisedStandard() {
    ProcessInstance inForce = inForce(unique("公务用车派车规范"), "INTERNAL", null);
    String code = register.get(standardId(inForce)).code();

    String title = unique("办公用房分配规范");
    ProcessInstance pi = propose("liuyang", proposal(title));
    long id = standardId(pi);
    complete(pi, TASK_FORMAL_CHECK, "zhaomin",
        Map.of(Vars.FORMAL_CHECK_DECISION, "supplement", Vars.FORMAL_CHECK_REASON, "请改为修订"));
    Map<String, Object> toRevision = proposal(register.get(standardId(inForce)).title());
    toRevision.put(Vars.KIND, "revision");
    toRevision.put(Vars.REVISED_STANDARD_CODE, code);
    assertThatThrownBy(() -> complete(pi, TASK_SUPPLEMENT_PROPOSAL, "liuyang", toRevision))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors())
            .containsEntry(Vars.KIND, "补充材料时不能改为“修订现行标准”；如需修订现行标准，请由标准化办公室作不予立项处理后重新申请"));
    assertThat(pi).isWaitingAt(TASK_SUPPLEMENT_PROPOSAL);
    assertThat(standardId(pi)).isEqualTo(id);
    assertThat(register.get(standardId(inForce)).revisionInProgress()).isFalse();

    // a revision run: neither back to a new standard nor to another standard in force
    ProcessInstance other = inForce(unique("会议室管理规范"), "INTERNAL", null);
    Map<String, Object> revision = proposal(register.get(standardId(inForce)).title());
    revision.put(Vars.KIND, "revision");
    revision.put(Vars.REVISED_STANDARD_CODE, code);
    ProcessInstance revising = propose("liuyang", revision);
    complete(revising, TASK_FORMAL_CHECK, "zhaomin",
        Map.of(Vars.FORMAL_CHECK_DECISION, "supplement", Vars.FORMAL_CHECK_REASON, "请补充"));
    Map<String, Object> toNew = proposal(unique("新标准"));
    assertThatThrownBy(() -> complete(revising, TASK_SUPPLEMENT_PROPOSAL, "liuyang", toNew))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors()).containsKey(Vars.KIND));
    Map<String, Object> retargeted = new HashMap<>(revision);
    retargeted.put(Vars.TITLE, register.get(standardId(other)).title());
    retargeted.put(Vars.REVISED_STANDARD_CODE, register.get(standardId(other)).code());
    assertThatThrownBy(() -> complete(revising, TASK_SUPPLEMENT_PROPOSAL, "liuyang", retargeted))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors())
            .containsEntry(Vars.REVISED_STANDARD_CODE, "补充材料时不能更改拟修订的标准（本次立项修订的是 " + code + "）"));
    assertThat(register.get(standardId(other)).revisionInProgress()).isFalse();
    complete(revising, TASK_SUPPLEMENT_PROPOSAL, "liuyang", revision);
    assertThat(revising).isWaitingAt(TASK_FORMAL_CHECK);
    assertThat(standardId(revising)).isEqualTo(standardId(inForce));
  }

  /** While a revision proposed on its own runs, the standard is neither reviewed out of cycle nor revised twice. */
  @Test
  void oneRevisionAtATime() {
    ProcessInstance old = inForce(unique("食堂卫生规范"), "INTERNAL", null);
    long id = standardId(old);
    Map<String, Object> revision = proposal(register.get(id).title());
    revision.put(Vars.KIND, "revision");
    revision.put(Vars.REVISED_STANDARD_CODE, register.get(id).code());
    ProcessInstance revising = propose("liuyang", revision);

    assertThat(lifecycle.canTakeOutOfCycleReview(id)).isFalse();
    assertThatThrownBy(() -> lifecycle.requestOutOfCycleReview(id, "并发复审", "zhaomin"))
        .hasMessage("该标准正在修订中，暂不能发起复审");

    // the periodic review falls due meanwhile: keep, interpret or repeal, but no second revision
    executeTimer(old, TIMER_PERIODIC_REVIEW_DUE);
    assertThatThrownBy(() -> complete(old, TASK_REVIEW_STANDARD, "liuyang",
        Map.of(Vars.PERIODIC_REVIEW_OUTCOME, "revise", Vars.PERIODIC_REVIEW_REASON, "再修订一次")))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors())
            .containsEntry(Vars.PERIODIC_REVIEW_OUTCOME, "该标准已有修订立项在进行中，不能再启动修订；请选择其他复审结论"));
    assertThat(old).isWaitingAt(TASK_REVIEW_STANDARD);
    assertThat(revising).isWaitingAt(TASK_FORMAL_CHECK);
  }

  @Test
  void formalCheckRejectionMarksTheProposalRejected() {
    ProcessInstance pi = propose("huanglei", proposalFor(unique("党政机关物业管理服务规范"), "sec-property"));
    complete(pi, TASK_FORMAL_CHECK, "zhaomin",
        Map.of(Vars.FORMAL_CHECK_DECISION, "reject", Vars.FORMAL_CHECK_REASON, "不属于本局标准化范围"));

    assertThat(pi).hasPassed("Task_RejectAtFormalCheck", END_PROPOSAL_REJECTED).hasNotPassed(TASK_APPROVE_PROJECT).isEnded();
    assertThat(register.get(standardId(pi)).status()).isEqualTo(StandardStatus.REJECTED);
    assertThat(historicVariable(pi, Vars.FORMAL_CHECK_REASON)).isEqualTo("不属于本局标准化范围");
    assertToldWhy(pi, "huanglei", "标准化办公室形式审查，结论为：不予立项", "不属于本局标准化范围");
  }

  /** The proposer gets a mail with the step and the reason; the register entry keeps the reason. */
  private void assertToldWhy(ProcessInstance pi, String proposer, String outcome, String reason) {
    assertThat(jdbc.sql("SELECT rejection_reason FROM std_standard WHERE id = :id").param("id", standardId(pi))
        .query(String.class).single()).isEqualTo(reason);
    List<Map<String, Object>> mails = jdbc.sql("""
            SELECT recipient_user, subject, body_text FROM ntf_notification WHERE idempotency_key LIKE :k""")
        .param("k", "proposal-rejected:" + pi.getId() + "%").query().listOfRows();
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).get("RECIPIENT_USER")).isEqualTo(proposer);
    assertThat(mails.get(0).get("SUBJECT").toString()).startsWith("【立项未通过】");
    assertThat(mails.get(0).get("BODY_TEXT").toString()).contains(outcome).contains("理由：" + reason)
        .contains("/pages/register.html?id=" + standardId(pi));
  }

  @Test
  void leadershipRejectionMarksTheProposalRejected() {
    ProcessInstance pi = propose("liuyang", proposal(unique("会场座次安排规范")));
    complete(pi, TASK_FORMAL_CHECK, "zhaomin", Map.of(Vars.FORMAL_CHECK_DECISION, "accept"));
    complete(pi, TASK_APPROVE_PROJECT, "wangjianguo",
        Map.of(Vars.PROJECT_DECISION, "reject", Vars.PROJECT_DECISION_REASON, "与现行标准重复"));

    assertThat(pi).hasPassed("Task_RejectAtApproval", END_PROJECT_NOT_APPROVED).isEnded();
    assertThat(register.get(standardId(pi)).status()).isEqualTo(StandardStatus.REJECTED);
    assertToldWhy(pi, "liuyang", "标准化领导小组立项批准，结论为：未批准立项", "与现行标准重复");
  }

  @Test
  void badProposalsAreRejectedWithPerFieldMessagesAndNothingIsRegistered() {
    long before = jdbc.sql("SELECT COUNT(*) FROM std_standard").query(Long.class).single();
    Map<String, Object> bad = proposal("");
    bad.put(Vars.NODE, "999");
    bad.put(Vars.PLANNED_COMPLETION_DATE, today().minusDays(1).toString());
    bad.remove(Vars.RATIONALE);
    assertThatThrownBy(() -> propose("liuyang", bad))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors())
            .containsEntry(Vars.TITLE, "标准名称不能为空")
            .containsEntry(Vars.NODE, "所属体系节点的取值“999”无效")
            .containsEntry(Vars.RATIONALE, "立项理由不能为空")
            .containsEntry(Vars.PLANNED_COMPLETION_DATE, "计划完成日期必须晚于今天"));

    Map<String, Object> adoption = proposal(unique("采用标准"));
    adoption.put(Vars.KIND, "adoption");
    assertThatThrownBy(() -> propose("liuyang", adoption))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors())
            .containsKeys(Vars.STANDARD_TYPE, Vars.EXTERNAL_CODE));

    Map<String, Object> revision = proposal(unique("修订"));
    revision.put(Vars.KIND, "revision");
    revision.put(Vars.REVISED_STANDARD_CODE, "Q/BSJG BZ999.1-2020");
    assertThatThrownBy(() -> propose("liuyang", revision))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors())
            .containsEntry(Vars.REVISED_STANDARD_CODE, "标准库中没有编号为“Q/BSJG BZ999.1-2020”的标准"));

    String title = unique("重复标题规范");
    propose("liuyang", proposal(title));
    assertThatThrownBy(() -> propose("liuyang", proposal(title)))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors())
            .containsEntry(Vars.TITLE, "该体系节点下已有名为“" + title + "”的标准"));

    assertThat(jdbc.sql("SELECT COUNT(*) FROM std_standard").query(Long.class).single()).isEqualTo(before + 1);
  }

  @Test
  void aRejectionWithoutReasonDoesNotMoveTheProcess() {
    ProcessInstance pi = propose("liuyang", proposal(unique("会务服务规范")));
    assertThatThrownBy(() -> complete(pi, TASK_FORMAL_CHECK, "zhaomin", Map.of(Vars.FORMAL_CHECK_DECISION, "reject")))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("退回补充或不予立项时必须填写审查意见");
    assertThatThrownBy(() -> complete(pi, TASK_FORMAL_CHECK, "zhaomin", Map.of(Vars.FORMAL_CHECK_DECISION, "maybe")))
        .hasMessageContaining("形式审查结论的取值“maybe”无效");
    // no decision at all (the form submitted empty): the field's message, not a NullPointerException
    assertThatThrownBy(() -> complete(pi, TASK_FORMAL_CHECK, "zhaomin", Map.of()))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors())
            .containsExactlyEntriesOf(Map.of(Vars.FORMAL_CHECK_DECISION, "请选择形式审查结论")));
    assertThat(pi).isWaitingAt(TASK_FORMAL_CHECK);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.FORMAL_CHECK_DECISION)).isNull();
  }

  // ---------------------------------------------------------------- drafting, comments, review meeting

  @Test
  void draftingNeedsTheDocumentsAndTheGbt11ElementsThenOpensOneCommentTaskPerSection() {
    ProcessInstance pi = approvedProposal(unique("公务用车管理规范"), "wutao", "sec-vehicle");
    Map<String, Object> draft = draft(List.of("sec-canteen", "sec-property"));

    assertThatThrownBy(() -> complete(pi, TASK_DRAFT_STANDARD, "wutao", draft))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors().get("documents"))
            .contains("标准文本"));
    upload(pi, DocumentKind.STANDARD_TEXT, "wutao");
    upload(pi, DocumentKind.DRAFTING_NOTES, "wutao");
    Map<String, Object> incomplete = draft(List.of("sec-canteen"));
    incomplete.put(Vars.GBT11_ELEMENTS, Spin.JSON(List.of("scope")));
    assertThatThrownBy(() -> complete(pi, TASK_DRAFT_STANDARD, "wutao", incomplete))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors())
            .containsKey(Vars.GBT11_ELEMENTS));

    complete(pi, TASK_DRAFT_STANDARD, "wutao", draft);

    List<Task> comments = tasks(pi, TASK_COMMENT_ON_DRAFT);
    assertThat(comments).hasSize(2);
    assertThat(comments).flatExtracting(this::candidateGroups).containsExactlyInAnyOrder("sec-canteen", "sec-property");
    assertThat(comments).allSatisfy(t -> assertThat(t.getDueDate()).isAfter(new java.util.Date()));
    assertThat(register.get(standardId(pi)).status()).isEqualTo(StandardStatus.IN_COMMENT);
  }

  @Test
  void atTheCommentDeadlineOpenCommentTasksCloseAndCountAsNoComment() {
    ProcessInstance pi = inComment(unique("公共机构节能监督检查规范"), "zhengfang", "sec-energy",
        List.of("sec-canteen", "sec-property", "sec-general"));
    completeForGroup(pi, TASK_COMMENT_ON_DRAFT, "sec-canteen", "liuyang",
        Map.of(Vars.NO_COMMENT, false, Vars.COMMENT_TEXT, "第 5.2 条建议补充夜间值守要求"));
    completeForGroup(pi, TASK_COMMENT_ON_DRAFT, "sec-general", "chenjing", Map.of(Vars.NO_COMMENT, true));

    executeTimer(pi, BOUNDARY_COMMENT_DEADLINE);

    assertThat(pi).hasPassed(BOUNDARY_COMMENT_DEADLINE).isWaitingAt(TASK_RESOLVE_COMMENTS);
    assertThat(tasks(pi, TASK_COMMENT_ON_DRAFT)).isEmpty();
    List<StandardRegister.Comment> all = register.comments(pi.getId());
    assertThat(all).extracting(StandardRegister.Comment::section)
        .containsExactlyInAnyOrder("sec-canteen", "sec-general", "sec-property");
    assertThat(all).filteredOn(c -> c.section().equals("sec-property")).singleElement()
        .satisfies(c -> assertThat(c.noComment()).isTrue()).satisfies(c -> assertThat(c.author()).isNull());
    SpinJsonNode rows = (SpinJsonNode) engine.getRuntimeService().getVariable(pi.getId(), Vars.COMMENT_ROWS);
    assertThat(rows.elements()).hasSize(1);
    assertThat(rows.elements().get(0).prop("text").stringValue()).isEqualTo("第 5.2 条建议补充夜间值守要求");
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.SECTIONS_WITHOUT_COMMENT)).isEqualTo("物业管理科");
  }

  @Test
  void everyCommentNeedsADecisionAndAReasonUnlessAcceptedAndTheTableIsFiled() {
    ProcessInstance pi = resolvingComments(unique("会务服务规范"));
    SpinJsonNode rows = (SpinJsonNode) engine.getRuntimeService().getVariable(pi.getId(), Vars.COMMENT_ROWS);
    String commentId = rows.elements().get(0).prop("commentId").stringValue();

    assertThatThrownBy(() -> complete(pi, TASK_RESOLVE_COMMENTS, "liuyang",
        Map.of(Vars.COMMENT_ROWS, Spin.JSON(List.of(Map.of("commentId", commentId, "decision", "reject"))))))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors())
            .containsEntry("commentRows[0].reason", "第 1 条意见部分采纳或不采纳时必须说明理由"));
    assertThatThrownBy(() -> complete(pi, TASK_RESOLVE_COMMENTS, "liuyang",
        Map.of(Vars.COMMENT_ROWS, Spin.JSON(List.of()))))
        .hasMessageContaining("须对每一条意见给出处理结果");

    complete(pi, TASK_RESOLVE_COMMENTS, "liuyang", Map.of(Vars.COMMENT_ROWS,
        Spin.JSON(List.of(Map.of("commentId", commentId, "decision", "partial", "reason", "夜间值守另行规定")))));

    assertThat(pi).isWaitingAt(TASK_HOLD_REVIEW_MEETING);
    assertThat(register.get(standardId(pi)).status()).isEqualTo(StandardStatus.IN_REVIEW);
    StandardRegister.Comment decided = register.comments(pi.getId()).stream()
        .filter(c -> String.valueOf(c.id()).equals(commentId)).findFirst().orElseThrow();
    assertThat(decided.decision()).isEqualTo("PARTIALLY_ACCEPTED");
    assertThat(decided.reason()).isEqualTo("夜间值守另行规定");
    var table = documents.documentsOfProcess(pi.getId()).stream()
        .filter(d -> d.kind() == DocumentKind.COMMENT_TABLE).findFirst().orElseThrow();
    String csv = new String(documents.load(table.id()).orElseThrow().content(), StandardCharsets.UTF_8);
    assertThat(csv).contains("部分采纳").contains("夜间值守另行规定").contains("物业管理科").contains("黄磊");
  }

  @Test
  void aReviewMeetingNeedsQuorumTwoThirdsAndMinutesAndAFailGoesBackToDrafting() {
    ProcessInstance pi = inReview(unique("机关健康食堂管理规范"));

    assertThatThrownBy(() -> complete(pi, TASK_HOLD_REVIEW_MEETING, "zhaomin", meeting(7, 6, 1, 0, "pass")))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors().get("documents"))
            .contains("评审会议纪要"));
    upload(pi, DocumentKind.MEETING_MINUTES, "zhaomin");
    assertThatThrownBy(() -> complete(pi, TASK_HOLD_REVIEW_MEETING, "zhaomin", meeting(4, 4, 0, 0, "pass")))
        .hasMessageContaining("未达到法定人数 5");
    assertThatThrownBy(() -> complete(pi, TASK_HOLD_REVIEW_MEETING, "zhaomin", meeting(9, 5, 3, 1, "pass")))
        .hasMessageContaining("赞成票 5 未达到出席人数的 2/3");
    assertThatThrownBy(() -> complete(pi, TASK_HOLD_REVIEW_MEETING, "zhaomin", meeting(9, 5, 3, 0, "fail")))
        .hasMessageContaining("与出席人数 9 不符");
    // counts beyond any meeting (and beyond int) and a meeting before the draft went out for comments
    Map<String, Object> huge = meeting(9, 9, 0, 0, "pass");
    huge.put(Vars.PARTICIPANT_COUNT, 5_000_000_000L);
    huge.put(Vars.VOTES_FOR, 5_000_000_000L);
    assertThatThrownBy(() -> complete(pi, TASK_HOLD_REVIEW_MEETING, "zhaomin", huge))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors())
            .containsEntry(Vars.PARTICIPANT_COUNT, "出席人数须为 0 到 1000 之间的整数")
            .containsEntry(Vars.VOTES_FOR, "赞成票须为 0 到 1000 之间的整数"));
    Map<String, Object> early = meeting(9, 9, 0, 0, "pass");
    early.put(Vars.MEETING_DATE, "1999-01-01");
    assertThatThrownBy(() -> complete(pi, TASK_HOLD_REVIEW_MEETING, "zhaomin", early))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors().get(Vars.MEETING_DATE))
            .startsWith("会议日期不能早于本轮征求意见开始的日期（"));

    Map<String, Object> failed = meeting(9, 4, 5, 0, "fail");
    failed.put(Vars.REVIEW_REMARKS, "技术内容不完整");
    complete(pi, TASK_HOLD_REVIEW_MEETING, "zhaomin", failed);

    assertThat(pi).isWaitingAt(TASK_DRAFT_STANDARD);
    assertThat(register.get(standardId(pi)).status()).isEqualTo(StandardStatus.DRAFTING);
    // the redraft's form shows why (its text block is shown while reviewOutcome is "fail")
    assertThat(engine.getFormService().getTaskFormVariables(task(pi, TASK_DRAFT_STANDARD).getId()))
        .containsEntry(Vars.REVIEW_OUTCOME, "fail").containsEntry(Vars.REVIEW_REMARKS, "技术内容不完整");
    // the redraft needs new files: the first round's text and notes do not count again
    assertThatThrownBy(() -> complete(pi, TASK_DRAFT_STANDARD, "liuyang", draft(List.of("sec-property"))))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors().get("documents"))
            .contains("标准文本").contains("编制说明"));
    upload(pi, DocumentKind.STANDARD_TEXT, "liuyang");
    upload(pi, DocumentKind.DRAFTING_NOTES, "liuyang");
    complete(pi, TASK_DRAFT_STANDARD, "liuyang", draft(List.of("sec-property")));
    assertThat(pi).hasPassed("Task_OpenCommentRound").isWaitingAt(TASK_COMMENT_ON_DRAFT);
  }

  @Test
  void passWithChangesAndAReturnedApprovalBothGoThroughTheChangesStep() {
    ProcessInstance pi = inReview(unique("办公用房管理规范"));
    upload(pi, DocumentKind.MEETING_MINUTES, "zhaomin");
    Map<String, Object> withChanges = meeting(7, 6, 1, 0, "pass_with_changes");
    withChanges.put(Vars.REVIEW_REMARKS, "统一术语");
    complete(pi, TASK_HOLD_REVIEW_MEETING, "zhaomin", withChanges);

    assertThat(pi).isWaitingAt(TASK_APPLY_REVIEW_CHANGES);
    complete(pi, TASK_APPLY_REVIEW_CHANGES, "liuyang", Map.of(Vars.CHANGES_DESCRIPTION, "已统一术语"));
    assertThat(pi).isWaitingAt(TASK_APPROVE_PUBLICATION);
    assertThat(register.get(standardId(pi)).status()).isEqualTo(StandardStatus.AWAITING_APPROVAL);
    assertThatThrownBy(() -> complete(pi, TASK_APPROVE_PUBLICATION, "wangjianguo",
        Map.of(Vars.PUBLICATION_DECISION, "approve", Vars.EFFECTIVE_DATE, today().minusDays(1).toString())))
        .hasMessageContaining("实施日期不能早于今天");
    complete(pi, TASK_APPROVE_PUBLICATION, "wangjianguo",
        Map.of(Vars.PUBLICATION_DECISION, "return", Vars.PUBLICATION_REASON, "请补充附录"));

    assertThat(pi).isWaitingAt(TASK_APPLY_REVIEW_CHANGES);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.PUBLICATION_REASON)).isEqualTo("请补充附录");
    // being reworked, no longer awaiting approval
    assertThat(register.get(standardId(pi)).status()).isEqualTo(StandardStatus.IN_REVIEW);
  }

  // ---------------------------------------------------------------- publication, training, in force

  @Test
  void publicationAssignsCodeVersionAndReviewDateFilesTheDocumentsAndTrainsEverySection() {
    String title = unique("垃圾分类与收集处理规范");
    ProcessInstance pi = approvedForPublication(title);
    long id = standardId(pi);
    int sequenceBefore = lastSequence("205");
    LocalDate effective = today().plusDays(10);

    complete(pi, TASK_APPROVE_PUBLICATION, "wangjianguo",
        Map.of(Vars.PUBLICATION_DECISION, "approve", Vars.EFFECTIVE_DATE, effective.toString()));

    StandardRegister.Standard s = register.get(id);
    int year = today().getYear();
    assertThat(s.code()).isEqualTo("Q/BSJG BZ205." + (sequenceBefore + 1) + "-" + year);
    assertThat(s.status()).isEqualTo(StandardStatus.IN_FORCE);
    assertThat(s.effectiveDate()).isEqualTo(effective);
    assertThat(s.nextReviewDate()).as("3 years for internal standards (DMN)").isEqualTo(effective.plusYears(3));
    StandardRegister.Version v1 = register.currentVersion(id).orElseThrow();
    assertThat(v1.versionNo()).isEqualTo(1);
    assertThat(documents.documentsOfVersion(v1.id())).extracting(d -> d.kind())
        .contains(DocumentKind.STANDARD_TEXT, DocumentKind.DRAFTING_NOTES, DocumentKind.COMMENT_TABLE,
            DocumentKind.MEETING_MINUTES)
        .allSatisfy(k -> assertThat(k).isNotNull());
    assertThat(documents.documentsOfVersion(v1.id())).allSatisfy(d -> assertThat(d.sha256()).hasSize(64));
    assertThat(register.noticeKinds(id)).containsExactly("PUBLISHED");
    assertThat(pi).hasPassed("Task_DetermineReviewInterval", TASK_PUBLISH_STANDARD).isWaitingAt(TASK_RECORD_TRAINING);
    // the training's slides, uploaded in its task: filed with the version once the training is recorded
    upload(pi, DocumentKind.TRAINING_MATERIAL, "liuyang");
    assertThat(documents.documentsOfVersion(v1.id())).extracting(d -> d.kind()).doesNotContain(DocumentKind.TRAINING_MATERIAL);

    assertThatThrownBy(() -> complete(pi, TASK_RECORD_TRAINING, "liuyang",
        Map.of(Vars.TRAINING_DATE, today().plusDays(3).toString(), Vars.TRAINING_ATTENDEES, "全体")))
        .hasMessageContaining("培训日期不能晚于今天");
    // nor before the version was published
    assertThatThrownBy(() -> complete(pi, TASK_RECORD_TRAINING, "liuyang",
        Map.of(Vars.TRAINING_DATE, "2020-03-01", Vars.TRAINING_ATTENDEES, "全体")))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors())
            .containsEntry(Vars.TRAINING_DATE, "培训日期不能早于本版本的发布日期（" + today() + "）"));
    complete(pi, TASK_RECORD_TRAINING, "liuyang",
        Map.of(Vars.TRAINING_DATE, today().toString(), Vars.TRAINING_ATTENDEES, "食堂管理科全体及 4 个食堂负责人"));

    assertThat(documents.documentsOfVersion(v1.id())).extracting(d -> d.kind()).contains(DocumentKind.TRAINING_MATERIAL);
    assertThat(documents.documentsOfProcess(pi.getId())).allSatisfy(d -> assertThat(d.versionId()).isEqualTo(v1.id()));

    List<Task> acks = tasks(pi, TASK_ACKNOWLEDGE_STANDARD);
    assertThat(acks).extracting(Task::getAssignee)
        .containsExactlyInAnyOrder("chenjing", "liuyang", "huanglei", "wutao", "zhengfang", "fengwei", "hejun");
    assertThatThrownBy(() -> completeAssigned(pi, TASK_ACKNOWLEDGE_STANDARD, "liuyang", Map.of(Vars.ACKNOWLEDGED, false)))
        .hasMessageContaining("请勾选“已阅知悉”");
    for (String user : List.of("chenjing", "liuyang", "huanglei", "wutao", "zhengfang")) {
      completeAssigned(pi, TASK_ACKNOWLEDGE_STANDARD, user, Map.of(Vars.ACKNOWLEDGED, true));
    }
    executeTimer(pi, BOUNDARY_ACKNOWLEDGEMENT_DEADLINE);

    assertThat(pi).isWaitingAt(GATEWAY_IN_FORCE);
    @SuppressWarnings("unchecked")
    List<String> missing = (List<String>) engine.getRuntimeService().getVariable(pi.getId(), Vars.NOT_ACKNOWLEDGED);
    assertThat(missing).containsExactly("冯伟（fengwei）", "何军（hejun）");
    assertThat(register.missingAcknowledgements(v1.id())).containsExactly("fengwei", "hejun");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM std_training WHERE version_id = :v").param("v", v1.id())
        .query(Long.class).single()).isOne();
  }

  @Test
  void periodicReviewTimerLeadsToReviewAndKeepSetsTheNextReviewDate() {
    ProcessInstance pi = inForce(unique("会务服务规范"), "INTERNAL", null);
    long id = standardId(pi);

    Job timer = engine.getManagementService().createJobQuery().processInstanceId(pi.getId())
        .activityId(TIMER_PERIODIC_REVIEW_DUE).singleResult();
    assertThat(timer.getDuedate()).isEqualTo((java.util.Date) engine.getRuntimeService()
        .getVariable(pi.getId(), Vars.NEXT_REVIEW_DATE));
    engine.getManagementService().executeJob(timer.getId());

    assertThat(pi).isWaitingAt(TASK_REVIEW_STANDARD);
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), Vars.REVIEW_TRIGGER_LABEL)).startsWith("定期复审");
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), Vars.REVIEW_EVIDENCE)).contains("现行版本");
    assertThatThrownBy(() -> complete(pi, TASK_REVIEW_STANDARD, "liuyang", Map.of(Vars.PERIODIC_REVIEW_OUTCOME, "repeal")))
        .hasMessageContaining("修订、废止或解释时必须填写理由");
    complete(pi, TASK_REVIEW_STANDARD, "liuyang", Map.of(Vars.PERIODIC_REVIEW_OUTCOME, "keep"));

    assertThat(pi).hasPassed("Task_DetermineNextReview", TASK_RECORD_REVIEW_KEPT).isWaitingAt(GATEWAY_IN_FORCE);
    assertThat(register.get(id).nextReviewDate()).isEqualTo(today().plusYears(3));
    assertThat(reviews(id)).containsExactly("PERIODIC:KEEP");
  }

  @Test
  void outOfCycleReviewMessageAndApprovedRepealEndTheStandard() {
    ProcessInstance pi = inForce(unique("内部运行管理规范"), "INTERNAL", null);
    long id = standardId(pi);

    lifecycle.requestOutOfCycleReview(id, "连续两轮检查不合格", "zhaomin");

    assertThat(pi).hasPassed(MESSAGE_OUT_OF_CYCLE_REVIEW).isWaitingAt(TASK_REVIEW_STANDARD);
    assertThat((String) engine.getRuntimeService().getVariable(pi.getId(), Vars.REVIEW_TRIGGER_LABEL))
        .isEqualTo("计划外复审：连续两轮检查不合格");
    assertThatThrownBy(() -> lifecycle.requestOutOfCycleReview(id, "再次", "zhaomin"))
        .isInstanceOf(StandardLifecycleService.ReviewNotPossibleException.class);
    complete(pi, TASK_REVIEW_STANDARD, "liuyang",
        Map.of(Vars.PERIODIC_REVIEW_OUTCOME, "repeal", Vars.PERIODIC_REVIEW_REASON, "服务已外包，标准不再适用"));
    assertThat(pi).isWaitingAt(TASK_APPROVE_REPEAL);
    complete(pi, TASK_APPROVE_REPEAL, "wangjianguo", Map.of(Vars.REPEAL_DECISION, "approve"));

    assertThat(pi).hasPassed("Task_RepealStandard", END_STANDARD_REPEALED).isEnded();
    StandardRegister.Standard s = register.get(id);
    assertThat(s.status()).isEqualTo(StandardStatus.REPEALED);
    assertThat(jdbc.sql("SELECT status FROM std_version WHERE id = :v").param("v", s.currentVersionId())
        .query(String.class).single()).isEqualTo("REPEALED");
    assertThat(register.noticeKinds(id)).containsExactly("PUBLISHED", "REPEALED");
    assertThat(reviews(id)).containsExactly("OUT_OF_CYCLE:REPEAL");
    assertThatThrownBy(() -> lifecycle.requestOutOfCycleReview(id, "已废止", "zhaomin"))
        .hasMessageContaining("只有现行有效的标准才能复审");
  }

  @Test
  void aRepealThatLeadershipRefusesKeepsTheStandardInForce() {
    ProcessInstance pi = inForce(unique("接待服务规范"), "INTERNAL", null);
    long id = standardId(pi);
    lifecycle.requestOutOfCycleReview(id, "投诉较多", "wangjianguo");
    complete(pi, TASK_REVIEW_STANDARD, "liuyang",
        Map.of(Vars.PERIODIC_REVIEW_OUTCOME, "repeal", Vars.PERIODIC_REVIEW_REASON, "拟废止"));
    complete(pi, TASK_APPROVE_REPEAL, "wangjianguo",
        Map.of(Vars.REPEAL_DECISION, "reject", Vars.REPEAL_DECISION_REASON, "仍需执行"));

    assertThat(pi).hasPassed(TASK_RECORD_REVIEW_KEPT).isWaitingAt(GATEWAY_IN_FORCE);
    assertThat(register.get(id).status()).isEqualTo(StandardStatus.IN_FORCE);
    assertThat(reviews(id)).containsExactly("OUT_OF_CYCLE:KEEP");
  }

  @Test
  void anInterpretationIsPublishedOnTheVersionInForce() {
    ProcessInstance pi = inForce(unique("会场座次安排规范"), "INTERNAL", null);
    long id = standardId(pi);
    lifecycle.requestOutOfCycleReview(id, "条款理解不一致", "zhaomin");
    complete(pi, TASK_REVIEW_STANDARD, "liuyang",
        Map.of(Vars.PERIODIC_REVIEW_OUTCOME, "interpret", Vars.PERIODIC_REVIEW_REASON, "第 4 条需要解释"));
    assertThatThrownBy(() -> complete(pi, TASK_PUBLISH_INTERPRETATION, "liuyang",
        Map.of(Vars.INTERPRETATION_SUMMARY, "主宾席位以面向会场为准")))
        .isInstanceOfSatisfying(FormValidationException.class, e -> assertThat(e.fieldErrors().get("documents"))
            .contains("标准解释"));
    upload(pi, DocumentKind.INTERPRETATION, "liuyang");
    complete(pi, TASK_PUBLISH_INTERPRETATION, "liuyang", Map.of(Vars.INTERPRETATION_SUMMARY, "主宾席位以面向会场为准"));

    assertThat(pi).isWaitingAt(GATEWAY_IN_FORCE);
    long versionId = register.get(id).currentVersionId();
    assertThat(documents.documentsOfVersion(versionId)).extracting(d -> d.kind()).contains(DocumentKind.INTERPRETATION);
    assertThat(register.noticeKinds(id)).containsExactly("PUBLISHED", "INTERPRETED");

    // the next review starts empty: a keep without a reason (the form hides it) records none
    lifecycle.requestOutOfCycleReview(id, "年度复核", "zhaomin");
    assertThat(engine.getTaskService().getVariables(task(pi, TASK_REVIEW_STANDARD).getId()))
        .doesNotContainKeys(Vars.PERIODIC_REVIEW_OUTCOME, Vars.PERIODIC_REVIEW_REASON);
    complete(pi, TASK_REVIEW_STANDARD, "liuyang", Map.of(Vars.PERIODIC_REVIEW_OUTCOME, "keep"));
    assertThat(jdbc.sql("SELECT outcome, reason FROM std_review WHERE standard_id = :id ORDER BY id")
        .param("id", id).query((rs, n) -> rs.getString(1) + ":" + rs.getString(2)).list())
        .containsExactly("INTERPRET:第 4 条需要解释", "KEEP:null");
  }

  /** A standard taken over into the register without a run (as the demo register's) is reviewed like any other. */
  @Test
  void aStandardWithoutARunGetsOneAndIsReviewed() {
    long overdue = runless(unique("公务接待用餐标准"), today().minusMonths(2));
    long requested = runless(unique("办公设备维修规范"), today().plusYears(2));
    assertThat(register.inForceWithoutRun()).contains(overdue, requested);

    // what the app does at start (the demo register's standards among them)
    assertThat(lifecycle.attachMissingRuns()).isGreaterThanOrEqualTo(2);
    // (other tests' rows written by SQL without a version cannot take a run and stay as they are)
    assertThat(register.inForceWithoutRun()).doesNotContain(overdue, requested);
    assertThat(lifecycle.attachRun(overdue)).as("attached once").isEmpty();
    assertThat(lifecycle.attachMissingRuns()).isZero();
    ProcessInstance run = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(register.get(overdue).processInstanceId()).singleResult();
    assertThat(run).isWaitingAt(GATEWAY_IN_FORCE);
    assertThat(run.getBusinessKey()).isEqualTo(String.format("BZ%06d", overdue));
    // the review date has passed: the timer is due now, and the review goes to the responsible section
    executeTimer(run, TIMER_PERIODIC_REVIEW_DUE);
    assertThat(run).isWaitingAt(TASK_REVIEW_STANDARD);
    assertThat(candidateGroups(task(run, TASK_REVIEW_STANDARD))).containsExactly("sec-canteen");
    complete(run, TASK_REVIEW_STANDARD, "liuyang", Map.of(Vars.PERIODIC_REVIEW_OUTCOME, "keep"));
    assertThat(run).isWaitingAt(GATEWAY_IN_FORCE);
    assertThat(register.get(overdue).nextReviewDate()).isAfter(today());
    assertThat(reviews(overdue)).containsExactly("PERIODIC:KEEP");

    // an out-of-cycle request for a standard without a run (attached here by hand first: none left)
    jdbc.sql("UPDATE std_standard SET process_instance_id = NULL WHERE id = :id").param("id", requested).update();
    engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(String.format("BZ%06d", requested))
        .list().forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "test"));
    assertThat(lifecycle.canTakeOutOfCycleReview(requested)).isTrue();
    lifecycle.requestOutOfCycleReview(requested, "投诉较多", "zhaomin");
    ProcessInstance reviewing = engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(register.get(requested).processInstanceId()).singleResult();
    assertThat(reviewing).isWaitingAt(TASK_REVIEW_STANDARD);
    assertThat(engine.getRuntimeService().getVariable(reviewing.getId(), Vars.REVIEW_TRIGGER)).isEqualTo("OUT_OF_CYCLE");
    assertThat(engine.getRuntimeService().getVariable(reviewing.getId(), Vars.TITLE)).isEqualTo(register.get(requested).title());
  }

  /** A standard in force as the demo loader enters it: a first version, no life-cycle run. */
  private long runless(String title, LocalDate nextReview) {
    long id = register.createProposal(title, "205", StandardType.INTERNAL, "sec-canteen", "适用于机关食堂", null, null, "demo");
    int sequence = register.nextSequence("205");
    register.publish(id, "Q/BSJG BZ205." + sequence + "-2020", sequence, LocalDate.of(2020, 3, 1), nextReview, title,
        "wangjianguo", null);
    return id;
  }

  @Test
  void aRevisionKeepsTheOldVersionInForceUntilTheNewOneSupersedesIt() {
    ProcessInstance pi = inForce(unique("公务接待服务规范"), "INTERNAL", null);
    long id = standardId(pi);
    StandardRegister.Standard before = register.get(id);
    lifecycle.requestOutOfCycleReview(id, "新规出台", "zhaomin");
    complete(pi, TASK_REVIEW_STANDARD, "liuyang",
        Map.of(Vars.PERIODIC_REVIEW_OUTCOME, "revise", Vars.PERIODIC_REVIEW_REASON, "按新规修订"));

    assertThat(pi).hasPassed(TASK_START_REVISION).isWaitingAt(TASK_DRAFT_STANDARD);
    StandardRegister.Standard during = register.get(id);
    assertThat(during.status()).isEqualTo(StandardStatus.IN_FORCE);
    assertThat(during.revisionInProgress()).isTrue();
    assertThat(during.currentVersionId()).isEqualTo(before.currentVersionId());

    publishFromDrafting(pi);

    StandardRegister.Standard after = register.get(id);
    assertThat(after.sequenceInNode()).isEqualTo(before.sequenceInNode());
    assertThat(after.code()).isEqualTo("Q/BSJG BZ205." + before.sequenceInNode() + "-" + today().getYear());
    assertThat(after.revisionInProgress()).isFalse();
    assertThat(jdbc.sql("SELECT status FROM std_version WHERE id = :v").param("v", before.currentVersionId())
        .query(String.class).single()).isEqualTo("SUPERSEDED");
    StandardRegister.Version v2 = register.currentVersion(id).orElseThrow();
    assertThat(v2.versionNo()).isEqualTo(2);
    assertThat(jdbc.sql("SELECT supersedes_id FROM std_version WHERE id = :v").param("v", v2.id())
        .query(Long.class).single()).isEqualTo(before.currentVersionId());
    assertThat(register.noticeKinds(id)).containsExactly("PUBLISHED", "REVISED");
    assertThat(reviews(id)).containsExactly("OUT_OF_CYCLE:REVISE");
  }

  @Test
  void aRevisionProposedOnItsOwnTakesOverTheStandardAndEndsTheOldRun() {
    ProcessInstance old = inForce(unique("机关食堂服务规范"), "INTERNAL", null);
    long id = standardId(old);
    String code = register.get(id).code();
    Map<String, Object> revision = proposal(register.get(id).title());
    revision.put(Vars.KIND, "revision");
    revision.put(Vars.REVISED_STANDARD_CODE, code);

    ProcessInstance pi = propose("liuyang", revision);
    assertThat(standardId(pi)).isEqualTo(id);
    assertThat(register.get(id).revisionInProgress()).isTrue();
    complete(pi, TASK_FORMAL_CHECK, "zhaomin", Map.of(Vars.FORMAL_CHECK_DECISION, "accept"));
    complete(pi, TASK_APPROVE_PROJECT, "wangjianguo", Map.of(Vars.PROJECT_DECISION, "approve"));
    publishFromDrafting(pi);

    assertThat(register.currentVersion(id).orElseThrow().versionNo()).isEqualTo(2);
    assertThat(register.get(id).processInstanceId()).isEqualTo(pi.getId());
    assertThat(old).isEnded();
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(old.getId())
        .singleResult().getDeleteReason()).contains("替代");
  }

  @Test
  void anAdoptedStandardKeepsItsExternalCodeAndIsReviewedEveryFiveYears() {
    ProcessInstance pi = inForce(unique("服务业组织标准化工作指南"), "NATIONAL",
        "GB/T 24421.1-" + UUID.randomUUID().toString().substring(0, 4), true);
    assertThat(pi).hasPassed("Task_ListMissingAcknowledgements").hasNotPassed(BOUNDARY_ACKNOWLEDGEMENT_DEADLINE);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.NOT_ACKNOWLEDGED)).isEqualTo(List.of());
    StandardRegister.Standard s = register.get(standardId(pi));
    assertThat(s.code()).startsWith("GB/T 24421.1-");
    assertThat(s.sequenceInNode()).isNull();
    assertThat(s.nextReviewDate()).isEqualTo(s.effectiveDate().plusYears(5));
  }
}
