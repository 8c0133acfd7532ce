package org.stdflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.stdflow.evaluation.FeedbackProcess.*;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestExecutionListeners;
import org.stdflow.RestClient;
import org.stdflow.StdflowSpringTest;
import org.stdflow.evaluation.FeedbackProcess.Vars;
import org.stdflow.inspection.RectificationProcess;
import org.stdflow.platform.validation.FormValidationException;
import org.stdflow.standard.StandardLifecycleProcess;

/**
 * feedback, one method per path: rejected at triage; a suggestion answered and rated; a complaint
 * found substantiated by the section (rectification opened) and one found unfounded at triage; a
 * standard defect sending the standard to an out-of-cycle review (and one it cannot take); the
 * reply's reminder and escalation; the unrated timeout; bad input on every form, also through
 * Camunda's REST API; anyone may submit.
 */
@StdflowSpringTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class FeedbackProcessTest extends FeedbackTestSupport {

  private static final String LATE_LUNCH = "第一机关食堂午餐 12:10 以后已无菜品供应，多次反映未改善";

  @Test
  void feedbackRejectedAtTriageIsToldToTheSubmitter() {
    ProcessInstance pi = submit("hejun", "SUGGESTION", null, "建议在办公楼增加共享雨伞，方便雨天外出办事");
    assertThat(pi).isWaitingAt(TASK_TRIAGE);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getBusinessKey()).isEqualTo(String.format("YJ%06d", feedbackId(pi)));
    assertThat(candidateGroups(task(pi, TASK_TRIAGE))).containsExactly("std-office");

    complete(pi, TASK_TRIAGE, "zhaomin", Map.of(Vars.TRIAGE_DECISION, "reject",
        Vars.REJECT_REASON, "不属于机关事务服务范围，请向办公室行政科反映"));

    assertThat(pi).hasPassedInOrder(START, TASK_REGISTER, TASK_TRIAGE, GATEWAY_ACCEPTED, TASK_NOTIFY_REJECTION,
        END_REJECTED).isEnded();
    Map<String, Object> row = feedbackRow(pi);
    assertThat(row).containsEntry("STATUS", "REJECTED").containsEntry("TRIAGED_BY", "zhaomin")
        .containsEntry("REJECT_REASON", "不属于机关事务服务范围，请向办公室行政科反映").containsEntry("SUBMITTER", "hejun");
    assertThat(row.get("CLOSED_AT")).isNotNull();
    assertThat(outbox("feedback-rejected:" + feedbackId(pi) + ":")).containsExactly("feedback-rejected:hejun");
  }

  @Test
  void aSuggestionIsAnsweredAndRated() {
    ProcessInstance pi = submit("linxiao", "SUGGESTION", null, "建议食堂增加低脂低盐菜品，并在窗口标注热量");
    complete(pi, TASK_TRIAGE, "qianjing", accept("SUGGESTION", "sec-canteen", null));
    assertThat(pi).isWaitingAt(TASK_REPLY);
    Task reply = task(pi, TASK_REPLY);
    assertThat(candidateGroups(reply)).containsExactly("sec-canteen");
    assertThat(reply.getDueDate()).isNotNull();

    complete(pi, TASK_REPLY, "liuyang", reply("已在第一、第二食堂试行低脂套餐，下月起窗口标注热量", null));
    assertThat(pi).isWaitingAt(TASK_RATE);
    assertThat(task(pi, TASK_RATE).getAssignee()).isEqualTo("linxiao");
    assertThat(outbox("feedback-replied:" + feedbackId(pi) + ":")).containsExactly("feedback-replied:linxiao");

    completeAssigned(pi, TASK_RATE, "linxiao", rating("5", "答复及时，措施具体"));

    assertThat(pi).hasPassedInOrder(TASK_TRIAGE, TASK_REPLY, GATEWAY_FOLLOW_UP, GATEWAY_FOLLOW_UP_DONE,
        TASK_NOTIFY_REPLY, TASK_RATE, END_RATED).hasNotPassed(TASK_OPEN_RECTIFICATION, TASK_REQUEST_REVIEW).isEnded();
    Map<String, Object> row = feedbackRow(pi);
    assertThat(row).containsEntry("STATUS", "RATED").containsEntry("SECTION_ID", "sec-canteen")
        .containsEntry("REPLIED_BY", "liuyang").containsEntry("RATING", 5)
        .containsEntry("RATING_COMMENT", "答复及时，措施具体").containsEntry("FEEDBACK_TYPE", "SUGGESTION");
    assertThat(row.get("SUBSTANTIATED")).isNull();
    assertThat(row.get("TRIAGED_AT")).isNotNull();
    assertThat(row.get("REPLIED_AT")).isNotNull();
    assertThat(row.get("RATED_AT")).isNotNull();
  }

  @Test
  void aSubstantiatedComplaintOpensARectification() {
    ProcessInstance pi = submit("chenjing", "COMPLAINT", null, LATE_LUNCH);
    complete(pi, TASK_TRIAGE, "zhaomin", accept("COMPLAINT", "sec-canteen", "verify"));
    // the section verifies it: 属实
    assertThatThrownBy(() -> complete(pi, TASK_REPLY, "liuyang", reply("经核实情况属实，已调整备餐量", null)))
        .isInstanceOf(FormValidationException.class).hasMessageContaining("请选择核实结果（投诉是否属实）");
    complete(pi, TASK_REPLY, "liuyang", reply("经核实情况属实，已要求餐饮企业延长供餐至 12:40 并增加备餐量", "substantiated"));

    assertThat(pi).hasPassed(TASK_OPEN_RECTIFICATION).hasNotPassed(TASK_REQUEST_REVIEW).isWaitingAt(TASK_RATE);
    long feedbackId = feedbackId(pi);
    Map<String, Object> rect = jdbc.sql("SELECT id, source, source_ref, section_id, status FROM insp_rectification "
        + "WHERE source = 'COMPLAINT' AND source_ref = :ref").param("ref", String.format("YJ%06d", feedbackId))
        .query().singleRow();
    assertThat(rect).containsEntry("SOURCE", "COMPLAINT").containsEntry("SECTION_ID", "sec-canteen")
        .containsEntry("STATUS", "OPEN");
    long rectificationId = ((Number) rect.get("ID")).longValue();
    ProcessInstance run = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(RectificationProcess.KEY).processInstanceBusinessKey(String.format("ZG%06d", rectificationId))
        .singleResult();
    assertThat(run).isNotNull();
    assertThat(run).isWaitingAt(RectificationProcess.TASK_SUBMIT_REPORT);
    assertThat(engine.getRuntimeService().getVariable(run.getId(), RectificationProcess.Vars.FINDINGS_TEXT).toString())
        .contains("12:10");
    assertThat(outbox("rectification-notice:" + rectificationId + ":1:")).containsExactly("rectification-notice:liuyang");
    Map<String, Object> row = feedbackRow(pi);
    assertThat(row).containsEntry("SUBSTANTIATED", true).containsEntry("RECTIFICATION_ID", rectificationId);
    assertThat(engine.getRuntimeService().getVariable(pi.getId(), Vars.FOLLOW_UP_TEXT).toString())
        .contains(String.format("ZG%06d", rectificationId));

    completeAssigned(pi, TASK_RATE, "chenjing", rating("4", null));
    assertThat(pi).hasPassed(END_RATED).isEnded();
  }

  @Test
  void aComplaintFoundUnfoundedAtTriageOpensNoRectification() {
    ProcessInstance pi = submit("huanglei", "COMPLAINT", null, "会议室空调温度过低，会务人员未及时调整");
    complete(pi, TASK_TRIAGE, "zhaomin", accept("COMPLAINT", "sec-reception", "unfounded"));
    complete(pi, TASK_REPLY, "fengwei", reply("经查当日空调按 26 度运行，已向投诉人说明并调整出风口", null));

    assertThat(pi).hasNotPassed(TASK_OPEN_RECTIFICATION).isWaitingAt(TASK_RATE);
    assertThat(feedbackRow(pi)).containsEntry("SUBSTANTIATED", false);
    assertThat(feedbackRow(pi).get("RECTIFICATION_ID")).isNull();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM insp_rectification WHERE source_ref = :ref")
        .param("ref", String.format("YJ%06d", feedbackId(pi))).query(Integer.class).single()).isZero();
  }

  @Test
  void aStandardDefectSendsTheStandardToAnOutOfCycleReview() {
    long standard = lifecycleStandardInForce(canteenChecklist());
    String code = register.get(standard).code();
    String lifecycleRun = register.get(standard).processInstanceId();
    ProcessInstance pi = submit("liuyang", "DEFECT", code, "条款 6.2 要求餐具消毒后保洁存放，但未规定存放时限，无法检查");
    complete(pi, TASK_TRIAGE, "zhaomin", accept("DEFECT", "sec-canteen", null));
    complete(pi, TASK_REPLY, "liuyang", reply("同意补充存放时限，建议复审时修订条款 6.2", null));

    assertThat(pi).hasPassed(TASK_REQUEST_REVIEW).hasNotPassed(TASK_OPEN_RECTIFICATION).isWaitingAt(TASK_RATE);
    assertThat(engine.getRuntimeService().getActiveActivityIds(lifecycleRun))
        .contains(StandardLifecycleProcess.TASK_REVIEW_STANDARD);
    assertThat(engine.getRuntimeService().getVariable(lifecycleRun, StandardLifecycleProcess.Vars.REVIEW_TRIGGER))
        .isEqualTo("OUT_OF_CYCLE");
    assertThat(engine.getRuntimeService().getVariable(lifecycleRun, StandardLifecycleProcess.Vars.REVIEW_TRIGGER_REASON)
        .toString()).contains(String.format("YJ%06d", feedbackId(pi))).contains("存放时限");
    assertThat(feedbackRow(pi)).containsEntry("REVIEW_OUTCOME", "已提请标准复审")
        .containsEntry("STANDARD_ID", standard);

    // the standard is under review now: a second defect report cannot send it again, the reason is kept
    ProcessInstance second = submit("chenjing", "DEFECT", code, "条款 5.1 留样时间与国家标准不一致，建议复核");
    complete(second, TASK_TRIAGE, "zhaomin", accept("DEFECT", "sec-canteen", null));
    complete(second, TASK_REPLY, "liuyang", reply("已转复审一并考虑，感谢反馈", null));
    assertThat(second).hasPassed(TASK_REQUEST_REVIEW).isWaitingAt(TASK_RATE);
    assertThat(feedbackRow(second).get("REVIEW_OUTCOME").toString()).startsWith("标准当前不能发起复审");
  }

  @Test
  void theSectionIsRemindedAndLeadershipToldWhenTheReplyIsLate() {
    ProcessInstance pi = submit("wutao", "SUGGESTION", null, "建议物业在地下车库增加照明，夜间取车光线不足");
    complete(pi, TASK_TRIAGE, "zhaomin", accept("SUGGESTION", "sec-property", null));
    long id = feedbackId(pi);

    executeTimer(pi, BOUNDARY_REPLY_DUE_SOON);
    assertThat(pi).hasPassed(TASK_REMIND_SECTION, END_REMINDED).isWaitingAt(TASK_REPLY);
    assertThat(outbox("feedback-reply-reminder:" + id + ":")).containsExactly("feedback-reply-reminder:huanglei");

    executeTimer(pi, BOUNDARY_REPLY_OVERDUE);
    assertThat(pi).hasPassed(TASK_ESCALATE, END_ESCALATED).isWaitingAt(TASK_REPLY);
    assertThat(outbox("feedback-reply-overdue:" + id + ":")).contains("feedback-reply-overdue:wangjianguo",
        "feedback-reply-overdue:lihong", "feedback-reply-overdue:zhaomin").doesNotContain("feedback-reply-overdue:huanglei");
    Map<String, Object> row = feedbackRow(pi);
    assertThat(row.get("REMINDED_AT")).isNotNull();
    assertThat(row.get("ESCALATED_AT")).isNotNull();
    // the reply is still possible after the escalation
    complete(pi, TASK_REPLY, "huanglei", reply("已在车库增设 20 盏感应灯，本周完工", null));
    assertThat(pi).isWaitingAt(TASK_RATE);
  }

  @Test
  void anUnratedReplyIsClosedAfterTheRatingPeriod() {
    ProcessInstance pi = submit("zhengfang", "SUGGESTION", null, "建议公务用车平台增加预约提醒短信");
    complete(pi, TASK_TRIAGE, "zhaomin", accept("SUGGESTION", "sec-vehicle", null));
    complete(pi, TASK_REPLY, "wutao", reply("平台下季度上线短信提醒功能", null));

    executeTimer(pi, BOUNDARY_RATING_OVER);

    assertThat(pi).hasPassedInOrder(TASK_RATE, TASK_CLOSE_UNRATED, END_UNRATED).hasNotPassed(END_RATED).isEnded();
    Map<String, Object> row = feedbackRow(pi);
    assertThat(row).containsEntry("STATUS", "UNRATED");
    assertThat(row.get("RATING")).isNull();
    assertThat(row.get("CLOSED_AT")).isNotNull();
  }

  @Test
  void badSubmissionsAreRejectedWithClearMessages() {
    assertThatThrownBy(() -> submit("hejun", "SUGGESTION", null, " "))
        .isInstanceOf(FormValidationException.class)
        .satisfies(e -> assertThat(((FormValidationException) e).fieldErrors()).containsEntry(Vars.DESCRIPTION,
            "反馈内容不能为空"));
    assertThatThrownBy(() -> submit("hejun", "COMPLAINT", "Q/BSJG NOPE-1999", LATE_LUNCH))
        .isInstanceOf(FormValidationException.class)
        .satisfies(e -> assertThat(((FormValidationException) e).fieldErrors()).containsEntry(Vars.STANDARD_CODE,
            "标准编号“Q/BSJG NOPE-1999”不存在，请核对后重新填写（可留空）"));
    assertThatThrownBy(() -> submit("hejun", "DEFECT", null, "标准条款之间互相矛盾，无法执行"))
        .hasMessageContaining("反馈标准缺陷时须填写所涉及标准的编号");
    assertThatThrownBy(() -> submit("hejun", "PRAISE", null, "食堂服务很好，提出表扬一次"))
        .hasMessageContaining("反馈类型的取值“PRAISE”无效");
    assertThatThrownBy(() -> submit("hejun", "SUGGESTION", null, "太短"))
        .hasMessageContaining("反馈内容至少 10 个字");
    // a standard that is not in force
    long proposed = register.createProposal(unique("尚未发布的标准"), "205", org.stdflow.standard.StandardType.INTERNAL,
        "sec-canteen", "适用于测试", null, null, "liuyang");
    jdbc.sql("UPDATE std_standard SET code = :c WHERE id = :id").param("c", "TEST-" + proposed).param("id", proposed)
        .update();
    assertThatThrownBy(() -> submit("hejun", "COMPLAINT", "TEST-" + proposed, LATE_LUNCH))
        .hasMessageContaining("不是现行有效的标准（当前状态：已立项申请）");

    // through Camunda's REST API as Tasklist's start dialog does: 400 with the field's message
    RestClient auditor = RestClient.as(port, "linxiao", "demo");
    RestClient.Response empty = auditor.post("/engine-rest/process-definition/key/feedback/submit-form",
        Map.of("variables", Map.of(Vars.FEEDBACK_TYPE, Map.of("value", "SUGGESTION", "type", "String"),
            Vars.DESCRIPTION, Map.of("value", "", "type", "String"))));
    assertThat(empty.status()).as(empty.body()).isEqualTo(400);
    assertThat(empty.json().at("/fieldErrors/description").asText()).isEqualTo("反馈内容不能为空");
  }

  @Test
  void anyUserMayGiveFeedbackThroughTasklist() {
    for (String user : List.of("linxiao", "majun", "sunli")) {
      RestClient.Response started = RestClient.as(port, user, "demo").post(
          "/engine-rest/process-definition/key/feedback/submit-form",
          Map.of("variables", Map.of(Vars.FEEDBACK_TYPE, Map.of("value", "SUGGESTION", "type", "String"),
              Vars.DESCRIPTION, Map.of("value", "建议办公楼电梯间张贴节能提示，随手关灯", "type", "String"))));
      assertThat(started.status()).as(user + ": " + started.body()).isEqualTo(200);
      String id = started.json().get("id").asText();
      assertThat(engine.getRuntimeService().getVariable(id, Vars.SUBMITTER)).isEqualTo(user);
    }
  }

  @Test
  void badTriageReplyAndRatingAreRejectedWithClearMessages() {
    ProcessInstance pi = submit("chenjing", "COMPLAINT", null, LATE_LUNCH);
    assertThatThrownBy(() -> complete(pi, TASK_TRIAGE, "zhaomin", Map.of(Vars.TRIAGE_DECISION, "reject")))
        .hasMessageContaining("不予受理的理由不能为空");
    assertThatThrownBy(() -> complete(pi, TASK_TRIAGE, "zhaomin", accept("COMPLAINT", "sec-nowhere", null)))
        .isInstanceOf(FormValidationException.class)
        .satisfies(e -> assertThat(((FormValidationException) e).fieldErrors())
            .containsEntry(Vars.SECTION, "承办科室的取值“sec-nowhere”无效")
            .containsEntry(Vars.TRIAGE_VERDICT, "请选择投诉是否属实"));
    assertThatThrownBy(() -> complete(pi, TASK_TRIAGE, "zhaomin", accept("DEFECT", "sec-canteen", null)))
        .hasMessageContaining("提交人未指明标准，不能归为标准缺陷");
    complete(pi, TASK_TRIAGE, "zhaomin", accept("COMPLAINT", "sec-canteen", "substantiated"));
    assertThat(feedbackRow(pi)).containsEntry("SUBSTANTIATED", true);

    // only the assigned section answers: another section's member is refused by the rule itself
    Task replyTask = task(pi, TASK_REPLY);
    engine.getTaskService().addCandidateGroup(replyTask.getId(), "sec-property");
    assertThatThrownBy(() -> complete(pi, TASK_REPLY, "huanglei", reply("经核实情况属实，已整改到位", null)))
        .hasMessageContaining("答复须由承办科室（食堂管理科）的人员提交");
    assertThatThrownBy(() -> complete(pi, TASK_REPLY, "liuyang", reply("", null)))
        .hasMessageContaining("答复内容不能为空");
    complete(pi, TASK_REPLY, "liuyang", reply("已要求餐饮企业延长供餐时间并增加备餐量", null));
    assertThat(pi).hasPassed(TASK_OPEN_RECTIFICATION);

    assertThatThrownBy(() -> completeAssigned(pi, TASK_RATE, "chenjing", rating("7", null)))
        .hasMessageContaining("评分须为 1 到 5 之间的整数（收到“7”）");
    assertThatThrownBy(() -> completeAssigned(pi, TASK_RATE, "chenjing", rating(0L, null)))
        .hasMessageContaining("评分须为 1 到 5 之间的整数（收到“0”）");
    assertThatThrownBy(() -> completeAssigned(pi, TASK_RATE, "chenjing", rating(null, null)))
        .hasMessageContaining("请给答复评分（1–5 分）");
    assertThatThrownBy(() -> completeAssigned(pi, TASK_RATE, "chenjing", rating("4", "很".repeat(501))))
        .hasMessageContaining("评价意见不能超过 500 个字");
    // through Camunda's REST API: 400, the task stays
    Task rate = task(pi, TASK_RATE);
    RestClient.Response outOfRange = RestClient.as(port, "chenjing", "demo").post(
        "/engine-rest/task/" + rate.getId() + "/submit-form",
        Map.of("variables", Map.of(Vars.RATING, Map.of("value", 6, "type", "Long"))));
    assertThat(outOfRange.status()).as(outOfRange.body()).isEqualTo(400);
    assertThat(outOfRange.json().at("/fieldErrors/rating").asText()).isEqualTo("评分须为 1 到 5 之间的整数（收到“6”）");
    assertThat(pi).isWaitingAt(TASK_RATE);
    assertThat(feedbackRow(pi).get("RATING")).isNull();
  }
}
