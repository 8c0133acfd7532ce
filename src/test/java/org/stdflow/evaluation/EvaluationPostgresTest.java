package org.stdflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.stdflow.StdflowPostgresTest;
import org.stdflow.inspection.RectificationProcess;
import org.stdflow.standard.StandardLifecycleProcess;

/** Feedback and surveys with their records on PostgreSQL: the SQL of both dialects, end to end. */
@StdflowPostgresTest
class EvaluationPostgresTest extends SurveyTestSupport {

  @Autowired EvaluationQueries queries;

  @Test
  void feedbackAndSurveyOnPostgres() {
    // a substantiated complaint: rectification opened, reply rated
    ProcessInstance complaint = submit("chenjing", "COMPLAINT", null, "物业保洁未按时清理三楼卫生间，异味明显");
    complete(complaint, FeedbackProcess.TASK_TRIAGE, "zhaomin", accept("COMPLAINT", "sec-property", "verify"));
    complete(complaint, FeedbackProcess.TASK_REPLY, "huanglei", reply("经核实属实，已增加保洁频次至每两小时一次", "substantiated"));
    completeAssigned(complaint, FeedbackProcess.TASK_RATE, "chenjing", rating("4", "处理及时"));
    assertThat(complaint).hasPassed(FeedbackProcess.TASK_OPEN_RECTIFICATION, FeedbackProcess.END_RATED).isEnded();
    Map<String, Object> row = queries.feedback(feedbackId(complaint)).orElseThrow();
    assertThat(row).containsEntry("status", "RATED").containsEntry("rating", 4).containsEntry("substantiated", true);
    long rectificationId = (Long) row.get("rectificationId");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(RectificationProcess.KEY)
        .processInstanceBusinessKey(String.format("ZG%06d", rectificationId)).count()).isEqualTo(1);
    assertThat(queries.feedback(new EvaluationQueries.FeedbackFilter("COMPLAINT", null, null, List.of("sec-property"),
        "nobody", today(), today()))).extracting(m -> m.get("id")).contains(feedbackId(complaint));

    // a standard defect: the life cycle goes into review
    long standard = lifecycleStandardInForce(canteenChecklist());
    ProcessInstance defect = submit("liuyang", "DEFECT", register.get(standard).code(), "条款 7.4 的“无积水”缺少检查方法");
    complete(defect, FeedbackProcess.TASK_TRIAGE, "zhaomin", accept("DEFECT", "sec-canteen", null));
    complete(defect, FeedbackProcess.TASK_REPLY, "liuyang", reply("同意在复审时补充检查方法", null));
    assertThat(engine.getRuntimeService().getActiveActivityIds(register.get(standard).processInstanceId()))
        .contains(StandardLifecycleProcess.TASK_REVIEW_STANDARD);
    executeTimer(defect, FeedbackProcess.BOUNDARY_RATING_OVER);
    assertThat(queries.feedback(feedbackId(defect)).orElseThrow()).containsEntry("status", "UNRATED")
        .containsEntry("reviewOutcome", "已提请标准复审");

    // a survey round with one service below the threshold
    String quarter = pastQuarter();
    ProcessInstance round = startRound("zhaomin", quarter);
    Task property = resultsTask(round, "property");
    doComplete(property, "zhaomin", results(property, 10L, new int[] {1, 2, 2, 3, 2}));
    enterAll(round, "qianjing", 10, new int[] {0, 0, 1, 4, 5});
    assertThat(round).hasPassed(SatisfactionSurveyProcess.TASK_OPEN_RECTIFICATION).isEnded();
    List<Map<String, Object>> results = queries.surveyResults(quarter, null, null);
    assertThat(results).hasSize(5);
    Map<String, Object> p = queries.surveyResults(quarter, "property", List.of("sec-property")).get(0);
    assertThat((BigDecimal) p.get("satisfactionRate")).isEqualByComparingTo("50");
    assertThat(p).containsEntry("belowThreshold", true);
    assertThat(p.get("rectificationId")).isNotNull();
  }
}
