package org.stdflow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.stdflow.report.PeriodicReportProcess.END_MONTHLY;
import static org.stdflow.report.PeriodicReportProcess.MONTHLY_KEY;
import static org.stdflow.report.PeriodicReportProcess.START_MONTHLY;
import static org.stdflow.report.PeriodicReportProcess.TASK_MAIL_MONTHLY;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestExecutionListeners;
import org.stdflow.StdflowSpringTest;

/**
 * monthly-report (月度统计报告): the timer mails last month's report to every leadership member, with
 * the figures the API shows and links that download the PDF and XLSX; a second firing for the same
 * month mails nothing; a changed cron reaches the deployed timer.
 */
@StdflowSpringTest
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class MonthlyReportProcessTest extends PeriodicReportTestSupport {

  @Test
  void theTimerMailsLastMonthsReportToLeadershipOnce() {
    ReportPeriod period = ReportPeriod.previous(ReportPeriod.Kind.MONTHLY, today());
    String key = "periodic-report:monthly:" + period.code();
    jdbc.sql("DELETE FROM ntf_notification WHERE idempotency_key LIKE :k").param("k", key + ":%").update();

    ProcessInstance pi = fire(MONTHLY_KEY, START_MONTHLY);
    // the mail is sent after a savepoint: an outbox failure retries the step, not the timer
    assertThat(pi).isWaitingAt(TASK_MAIL_MONTHLY);
    assertThat(mails(key)).isEmpty();
    executeJobsOf(pi);
    assertThat(pi).hasPassed(START_MONTHLY, TASK_MAIL_MONTHLY, END_MONTHLY).isEnded();

    List<Mail> mails = mails(key);
    assertThat(byUser(mails)).isEqualTo(Map.of("wangjianguo", "wangjianguo@jgswj.example.cn", "lihong",
        "lihong@jgswj.example.cn"));
    assertThat(mails).allMatch(m -> m.status().equals("PENDING"));
    assertThat(mails.get(1).text()).startsWith("王建国：");
    mails.forEach(m -> assertMailShowsTheReport(m, period));
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName(PeriodicReportProcess.Vars.MAILS_QUEUED).singleResult().getValue()).isEqualTo(2);

    // fired again for the same month (a second node, a retried job): nothing new
    ProcessInstance again = fire(MONTHLY_KEY, START_MONTHLY);
    executeJobsOf(again);
    assertThat(again).isEnded();
    assertThat(mails(key)).hasSize(2);
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(again.getId())
        .variableName(PeriodicReportProcess.Vars.MAILS_QUEUED).singleResult().getValue()).isEqualTo(0);
  }

  @Test
  void aChangedCronReachesTheDeployedTimer() {
    String jobId = timerStartJob(MONTHLY_KEY, START_MONTHLY).getId();
    ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(c -> {
          ((TimerEntity) c.getJobManager().findJobById(jobId)).setRepeat("0 0 8 3 * ?");
          return null;
        });
    assertThat(timerSync.sync()).isEqualTo(1);
    String repeat = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired().execute(c -> ((TimerEntity) c.getJobManager().findJobById(jobId)).getRepeat());
    assertThat(repeat).isEqualTo("0 0 8 2 * ?");
    assertThat(timerSync.sync()).isZero();
  }
}
