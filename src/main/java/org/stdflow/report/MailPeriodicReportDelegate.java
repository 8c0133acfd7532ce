package org.stdflow.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.stdflow.notification.Notifications;

/**
 * Queues the mail of the last complete month or quarter to the report's recipients (leadership),
 * with the headline figures and links to the PDF and XLSX. The mail key names the period, so a
 * second run for the same period (a retried job, a second node) queues nothing.
 */
@Component("mailPeriodicReportDelegate")
class MailPeriodicReportDelegate implements JavaDelegate {

  private final StatisticsQueries queries;
  private final Notifications notifications;
  private final ReportProperties properties;
  private final Clock clock;

  MailPeriodicReportDelegate(StatisticsQueries queries, Notifications notifications, ReportProperties properties,
      Clock clock) {
    this.queries = queries;
    this.notifications = notifications;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReportPeriod.Kind kind = ReportPeriod.Kind.ofPath((String) execution.getVariable(PeriodicReportProcess.Vars.REPORT_KIND));
    ReportPeriod period = ReportPeriod.previous(kind, LocalDate.now(clock));
    Statistics s = queries.compute(new StatisticsFilter(period.from(), period.to(), null, null, null), period.label());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", period.title());
    model.put("periodLabel", period.label());
    model.put("kindLabel", kind.label());
    model.put("from", period.from().toString());
    model.put("to", period.to().toString());
    model.put("pdfPath", period.path() + ".pdf");
    model.put("xlsxPath", period.path() + ".xlsx");
    model.put("dashboardPath", "/pages/dashboard.html?from=" + period.from() + "&to=" + period.to());
    model.put("inForce", s.standards().inForce());
    model.put("reviewsOverdue", s.reviews().overdue());
    model.put("inspections", s.inspections().done());
    model.put("passRate", s.inspections().passRate() == null ? ReportTables.NO_DATA
        : ReportTables.text(s.inspections().passRate()) + "%");
    model.put("rectOpened", s.rectifications().opened());
    model.put("rectClosed", s.rectifications().closed());
    model.put("rectOpen", s.rectifications().open());
    model.put("rectOverdue", s.rectifications().overdue());
    model.put("praise", s.commendations().praise());
    model.put("criticism", s.commendations().criticism());
    int queued = notifications.toGroups("periodic-report:" + kind.path() + ":" + period.code(),
        PeriodicReportProcess.TEMPLATE, model, properties.recipientGroups());
    execution.setVariable(PeriodicReportProcess.Vars.REPORT_PERIOD, period.code());
    execution.setVariable(PeriodicReportProcess.Vars.MAILS_QUEUED, queued);
  }
}
