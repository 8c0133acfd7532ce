package org.stdflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.stdflow.report.PeriodicReportProcess.END_QUARTERLY;
import static org.stdflow.report.PeriodicReportProcess.QUARTERLY_KEY;
import static org.stdflow.report.PeriodicReportProcess.START_QUARTERLY;
import static org.stdflow.report.PeriodicReportProcess.TASK_MAIL_QUARTERLY;

import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestExecutionListeners;
import org.stdflow.StdflowSpringTest;

/** quarterly-report (季度统计报告): the timer mails last quarter's report to every leadership member. */
@StdflowSpringTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class QuarterlyReportProcessTest extends PeriodicReportTestSupport {

  @Test
  void theTimerMailsLastQuartersReportToLeadership() {
    ReportPeriod period = ReportPeriod.previous(ReportPeriod.Kind.QUARTERLY, today());
    String key = "periodic-report:quarterly:" + period.code();
    jdbc.sql("DELETE FROM ntf_notification WHERE idempotency_key LIKE :k").param("k", key + ":%").update();

    ProcessInstance pi = fire(QUARTERLY_KEY, START_QUARTERLY);
    assertThat(pi).isWaitingAt(TASK_MAIL_QUARTERLY);
    executeJobsOf(pi);
    assertThat(pi).hasPassed(START_QUARTERLY, TASK_MAIL_QUARTERLY, END_QUARTERLY).isEnded();

    assertThat(byUser(mails(key))).isEqualTo(Map.of("wangjianguo", "wangjianguo@jgswj.example.cn", "lihong",
        "lihong@jgswj.example.cn"));
    mails(key).forEach(m -> assertMailShowsTheReport(m, period));
    assertThat(mails(key).get(0).text()).contains("季度统计报告已生成");
  }

  @Test
  void lastQuarterIsTheCompleteQuarterBeforeToday() {
    assertThat(ReportPeriod.previous(ReportPeriod.Kind.QUARTERLY, LocalDate.of(2027, 1, 2)).code()).isEqualTo("2026-Q4");
    assertThat(ReportPeriod.previous(ReportPeriod.Kind.QUARTERLY, LocalDate.of(2026, 4, 2)).code()).isEqualTo("2026-Q1");
    assertThat(ReportPeriod.previous(ReportPeriod.Kind.QUARTERLY, LocalDate.of(2026, 12, 31)).code()).isEqualTo("2026-Q3");
    ReportPeriod q4 = ReportPeriod.previous(ReportPeriod.Kind.QUARTERLY, LocalDate.of(2027, 1, 2));
    assertThat(q4.from()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(q4.to()).isEqualTo(LocalDate.of(2026, 12, 31));
    assertThat(q4.title()).isEqualTo("机关事务标准化工作季度统计报告（2026年第4季度）");
    assertThat(ReportPeriod.previous(ReportPeriod.Kind.MONTHLY, LocalDate.of(2027, 1, 2)).code()).isEqualTo("2026-12");
  }
}
