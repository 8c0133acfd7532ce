package org.stdflow.evaluation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of feedback handling and satisfaction surveys that an installation may change without
 * touching a model.
 *
 * @param replyPeriod how long the section has to answer a feedback after triage (default 5 days)
 * @param replyReminderLead how long before the reply deadline the section is reminded (default 1 day)
 * @param ratingPeriod how long the submitter has to rate the answer before the feedback is closed
 *     as 未评价 (default 7 days)
 * @param complaintRectificationDays first deadline of a rectification opened for a substantiated
 *     complaint (default 7)
 * @param complaintSeverity its severity, CRITICAL, MAJOR or MINOR (default MINOR)
 * @param surveyCron when the quarterly survey round starts (Quartz cron, default 09:00 on the 1st
 *     of January, April, July and October: the quarter just ended is surveyed)
 * @param surveyPeriod how long the office has to enter a service's results (default 10 days)
 * @param satisfactionThreshold rate in percent below which a rectification is opened (default 90)
 * @param surveyRectificationDays first deadline of a rectification opened for a survey (default 15)
 */
@ConfigurationProperties("stdflow.evaluation")
public record EvaluationProperties(Duration replyPeriod, Duration replyReminderLead, Duration ratingPeriod,
    Integer complaintRectificationDays, String complaintSeverity, String surveyCron, Duration surveyPeriod,
    Double satisfactionThreshold, Integer surveyRectificationDays) {

  public static final String DEFAULT_SURVEY_CRON = "0 0 9 1 1,4,7,10 ?";

  public EvaluationProperties {
    replyPeriod = replyPeriod == null ? Duration.ofDays(5) : replyPeriod;
    replyReminderLead = replyReminderLead == null ? Duration.ofDays(1) : replyReminderLead;
    ratingPeriod = ratingPeriod == null ? Duration.ofDays(7) : ratingPeriod;
    complaintRectificationDays = complaintRectificationDays == null ? 7 : complaintRectificationDays;
    complaintSeverity = complaintSeverity == null || complaintSeverity.isBlank() ? "MINOR" : complaintSeverity.strip();
    surveyCron = surveyCron == null || surveyCron.isBlank() ? DEFAULT_SURVEY_CRON : surveyCron.strip();
    surveyPeriod = surveyPeriod == null ? Duration.ofDays(10) : surveyPeriod;
    satisfactionThreshold = satisfactionThreshold == null ? 90.0 : satisfactionThreshold;
    surveyRectificationDays = surveyRectificationDays == null ? 15 : surveyRectificationDays;
    if (complaintRectificationDays < 1 || surveyRectificationDays < 1) {
      throw new IllegalArgumentException("stdflow.evaluation.*-rectification-days must be at least 1");
    }
    if (!java.util.List.of("CRITICAL", "MAJOR", "MINOR").contains(complaintSeverity)) {
      throw new IllegalArgumentException("stdflow.evaluation.complaint-severity must be CRITICAL, MAJOR or MINOR");
    }
    if (satisfactionThreshold < 0 || satisfactionThreshold > 100) {
      throw new IllegalArgumentException("stdflow.evaluation.satisfaction-threshold must be between 0 and 100");
    }
    if (replyReminderLead.compareTo(replyPeriod) >= 0) {
      throw new IllegalArgumentException("stdflow.evaluation.reply-reminder-lead must be shorter than reply-period");
    }
  }
}
