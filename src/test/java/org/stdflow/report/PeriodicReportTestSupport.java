package org.stdflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.stdflow.RestClient;

/** Fires a periodic report's timer and reads the mails it queued. */
abstract class PeriodicReportTestSupport {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired org.stdflow.platform.TimerStartSync timerSync;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(engine);
  }

  record Mail(String user, String email, String subject, String text, String html, String status) {
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  Job timerStartJob(String key, String startEvent) {
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult().getId();
    String jobDefinition = engine.getManagementService().createJobDefinitionQuery().processDefinitionId(definition)
        .activityIdIn(startEvent).singleResult().getId();
    return engine.getManagementService().createJobQuery().jobDefinitionId(jobDefinition).singleResult();
  }

  /** Executes the timer; returns the instance it started (waiting at the mail task's savepoint). */
  ProcessInstance fire(String key, String startEvent) {
    Job timer = timerStartJob(key, startEvent);
    assertThat(timer).as("the timer start event's job").isNotNull();
    List<String> before = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).list()
        .stream().map(ProcessInstance::getId).toList();
    engine.getManagementService().executeJob(timer.getId());
    ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key).list().stream()
        .filter(p -> !before.contains(p.getId())).findFirst().orElseThrow();
    // the next firing is scheduled
    assertThat(timerStartJob(key, startEvent).getId()).isNotEqualTo(timer.getId());
    return pi;
  }

  void executeJobsOf(ProcessInstance pi) {
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).list()) {
      engine.getManagementService().executeJob(job.getId());
    }
  }

  List<Mail> mails(String keyPrefix) {
    return jdbc.sql("""
            SELECT recipient_user, recipient_email, subject, body_text, body_html, status FROM ntf_notification
            WHERE idempotency_key LIKE :k ORDER BY recipient_user""")
        .param("k", keyPrefix + ":%")
        .query((rs, n) -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6))).list();
  }

  /** The mail's figures agree with the API's for the same period, and its links download. */
  void assertMailShowsTheReport(Mail mail, ReportPeriod period) {
    JsonNode api = RestClient.as(port, "wangjianguo", "demo")
        .get("/api/statistics?from=" + period.from() + "&to=" + period.to()).json();
    assertThat(mail.subject()).isEqualTo("【统计报告】" + period.title());
    String rate = api.at("/inspections/passRate").isNull() ? "暂无数据"
        : api.at("/inspections/passRate").decimalValue().stripTrailingZeros().toPlainString() + "%";
    assertThat(mail.text())
        .contains("统计期间 " + period.from() + " 至 " + period.to())
        .contains("现行有效标准：" + api.at("/standards/inForce").asInt() + " 项（复审逾期 " + api.at("/reviews/overdue").asInt())
        .contains("完成检查：" + api.at("/inspections/done").asInt() + " 次，检查合格率：" + rate)
        .contains("整改：新开 " + api.at("/rectifications/opened").asInt() + " 项，关闭 "
            + api.at("/rectifications/closed").asInt() + " 项，期末未关闭 " + api.at("/rectifications/open").asInt()
            + " 项，其中逾期 " + api.at("/rectifications/overdue").asInt() + " 项")
        .contains("表扬 " + api.at("/commendations/praise").asInt() + " 次，通报批评 "
            + api.at("/commendations/criticism").asInt() + " 次");
    String base = "http://localhost:8080";
    String pdf = base + period.path() + ".pdf";
    String xlsx = base + period.path() + ".xlsx";
    assertThat(mail.text()).contains("下载 PDF 报告：" + pdf).contains("下载 Excel 报告：" + xlsx);
    assertThat(mail.html()).contains("href=\"" + pdf + "\"").contains("href=\"" + xlsx + "\"");

    RestClient.BinaryResponse pdfFile = RestClient.as(port, mail.user(), "demo").getBytes(pdf.substring(base.length()));
    assertThat(pdfFile.status()).isEqualTo(200);
    assertThat(pdfFile.header("Content-Type")).isEqualTo("application/pdf");
    assertThat(new String(pdfFile.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    RestClient.BinaryResponse xlsxFile = RestClient.as(port, mail.user(), "demo").getBytes(xlsx.substring(base.length()));
    assertThat(xlsxFile.status()).isEqualTo(200);
    assertThat(xlsxFile.body()[0]).isEqualTo((byte) 'P');   // a zip
  }

  static Map<String, String> byUser(List<Mail> mails) {
    return mails.stream().collect(java.util.stream.Collectors.toMap(Mail::user, Mail::email));
  }
}
