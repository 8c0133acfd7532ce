package org.stdflow.report;

import java.util.Map;

/**
 * Keys, element ids and variable names of processes/report/monthly-report.bpmn (月度统计报告) and
 * quarterly-report.bpmn (季度统计报告): two models because Camunda 7 allows one timer start event
 * per process, each with its own cron.
 */
public final class PeriodicReportProcess {

  public static final String MONTHLY_KEY = "monthly-report";
  public static final String QUARTERLY_KEY = "quarterly-report";
  /** process key → the report kind whose cron its timer follows */
  static final Map<String, String> KIND_OF_KEY = Map.of(MONTHLY_KEY, "monthly", QUARTERLY_KEY, "quarterly");

  public static final String START_MONTHLY = "StartEvent_MonthlyReportDue";
  public static final String TASK_MAIL_MONTHLY = "Task_MailMonthlyReport";
  public static final String END_MONTHLY = "EndEvent_MonthlyReportMailed";
  public static final String START_QUARTERLY = "StartEvent_QuarterlyReportDue";
  public static final String TASK_MAIL_QUARTERLY = "Task_MailQuarterlyReport";
  public static final String END_QUARTERLY = "EndEvent_QuarterlyReportMailed";

  /** Mail template (src/main/resources/mail/periodic-report.txt|.html). */
  public static final String TEMPLATE = "periodic-report";

  private PeriodicReportProcess() {
  }

  /** Variable names. */
  public static final class Vars {
    /** input parameter of the mail task: monthly or quarterly */
    public static final String REPORT_KIND = "reportKind";
    /** set by the mail task: the period reported on (2026-11, 2026-Q4) */
    public static final String REPORT_PERIOD = "reportPeriod";
    /** set by the mail task: how many mails were queued (0 when this period was mailed before) */
    public static final String MAILS_QUEUED = "mailsQueued";

    private Vars() {
    }
  }
}
