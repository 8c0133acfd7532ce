package org.stdflow.evaluation;

import static org.stdflow.evaluation.FeedbackProcess.Vars.*;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.stdflow.organisation.GroupType;
import org.stdflow.organisation.OrganisationFile;
import org.stdflow.platform.validation.FieldRules;
import org.stdflow.standard.LifecycleValues;
import org.stdflow.standard.StandardLabels;
import org.stdflow.standard.StandardRegister;
import org.stdflow.standard.StandardStatus;

/**
 * The rules of the feedback's forms, checked on the server: the submission (start listener), the
 * office's triage, the section's reply and the submitter's rating (end listeners of the tasks).
 * A rejected form fails the start or keeps the task open, and reaches a REST caller as a 400 with
 * the Chinese message per field. Accepted values are recorded in ev_feedback.
 */
@Component("feedbackFormListener")
class FeedbackFormListener implements ExecutionListener {

  static final List<String> VERDICTS = List.of("substantiated", "unfounded", "verify");
  private static final DateTimeFormatter DUE_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final FeedbackRecords records;
  private final StandardRegister register;
  private final StandardLabels labels;
  private final OrganisationFile organisation;
  private final EvaluationProperties properties;
  private final Clock clock;

  FeedbackFormListener(FeedbackRecords records, StandardRegister register, StandardLabels labels,
      OrganisationFile organisation, EvaluationProperties properties, Clock clock) {
    this.records = records;
    this.register = register;
    this.labels = labels;
    this.organisation = organisation;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    switch (execution.getCurrentActivityId()) {
      case FeedbackProcess.START -> submission(execution);
      case FeedbackProcess.TASK_TRIAGE -> triage(execution);
      case FeedbackProcess.TASK_REPLY -> reply(execution);
      case FeedbackProcess.TASK_RATE -> rating(execution);
      default -> throw new IllegalStateException("no form rules for " + execution.getCurrentActivityId());
    }
  }

  private void submission(DelegateExecution execution) {
    FieldRules rules = FieldRules.of(execution::getVariable);
    rules.oneOf(FEEDBACK_TYPE, "反馈类型", FeedbackProcess.TYPE_ORDER);
    rules.requiredText(DESCRIPTION, "反馈内容", 10, 2000);
    rules.optionalText(CONTACT, "联系方式", 100);
    String code = rules.text(STANDARD_CODE);
    Long standardId = null;
    if (!LifecycleValues.isBlank(code)) {
      StandardRegister.Standard standard = register.findByCode(code.strip()).orElse(null);
      if (standard == null) {
        rules.rule(true, STANDARD_CODE, "标准编号“" + code.strip() + "”不存在，请核对后重新填写（可留空）");
      } else if (standard.status() != StandardStatus.IN_FORCE) {
        rules.rule(true, STANDARD_CODE, "标准“" + code.strip() + "”不是现行有效的标准（当前状态："
            + standard.status().label() + "）");
      } else {
        standardId = standard.id();
      }
    }
    rules.rule("DEFECT".equals(rules.text(FEEDBACK_TYPE)) && LifecycleValues.isBlank(code), STANDARD_CODE,
        "反馈标准缺陷时须填写所涉及标准的编号");
    rules.rule(LifecycleValues.currentUser(execution.getProcessEngineServices()) == null, SUBMITTER,
        "请先登录再提交意见反馈");
    rules.throwIfInvalid();
    execution.setVariable(STANDARD_ID, standardId);
    execution.setVariable(DESCRIPTION, rules.text(DESCRIPTION).strip());
    String contact = rules.text(CONTACT);
    execution.setVariable(CONTACT, LifecycleValues.isBlank(contact) ? "" : contact.strip());
    execution.setVariable(STANDARD_CODE, standardId == null ? "" : code.strip());
  }

  private void triage(DelegateExecution execution) {
    String user = LifecycleValues.currentUser(execution.getProcessEngineServices());
    FieldRules rules = FieldRules.of(execution::getVariable);
    rules.oneOf(TRIAGE_DECISION, "分办意见", List.of("accept", "reject"));
    long id = LifecycleValues.longValue(execution, FEEDBACK_ID);
    if ("reject".equals(rules.text(TRIAGE_DECISION))) {
      rules.requiredText(REJECT_REASON, "不予受理的理由", 5, 1000);
      rules.throwIfInvalid();
      records.reject(id, user, rules.text(REJECT_REASON).strip());
      return;
    }
    List<String> sections = organisation.groupsOfType(GroupType.SECTION).stream().map(OrganisationFile.GroupEntry::id)
        .toList();
    rules.oneOf(FEEDBACK_TYPE, "反馈类型", FeedbackProcess.TYPE_ORDER);
    rules.oneOf(SECTION, "承办科室", sections);
    String type = rules.text(FEEDBACK_TYPE);
    if ("COMPLAINT".equals(type)) {
      rules.oneOf(TRIAGE_VERDICT, "投诉是否属实", VERDICTS);
    }
    rules.rule("DEFECT".equals(type) && execution.getVariable(STANDARD_ID) == null, FEEDBACK_TYPE,
        "提交人未指明标准，不能归为标准缺陷；请归为意见建议或投诉");
    rules.throwIfInvalid();
    String verdict = "COMPLAINT".equals(type) ? rules.text(TRIAGE_VERDICT) : null;
    Boolean substantiated = verdict == null || "verify".equals(verdict) ? null : "substantiated".equals(verdict);
    String section = rules.text(SECTION);
    Instant due = Instant.now(clock).plus(properties.replyPeriod());
    records.assign(id, user, type, section, substantiated, due);
    execution.setVariable(TRIAGE_VERDICT, verdict == null ? "" : verdict);
    execution.setVariable(FEEDBACK_TYPE_LABEL, FeedbackProcess.TYPES.get(type));
    execution.setVariable(SECTION_NAME, labels.groupName(section));
    execution.setVariable(SUBSTANTIATED, substantiated);
    execution.setVariable(REPLY_DUE, Date.from(due));
    execution.setVariable(REPLY_DUE_TEXT, DUE_TEXT.withZone(clock.getZone()).format(due));
    execution.setVariable(REMINDER_DATE, Date.from(due.minus(properties.replyReminderLead())));
  }

  private void reply(DelegateExecution execution) {
    String user = LifecycleValues.currentUser(execution.getProcessEngineServices());
    String section = LifecycleValues.string(execution, SECTION);
    FieldRules rules = FieldRules.of(execution::getVariable);
    rules.rule(user == null || execution.getProcessEngineServices().getIdentityService().createGroupQuery()
        .groupMember(user).groupId(section).count() == 0, REPLY,
        "答复须由承办科室（" + LifecycleValues.string(execution, SECTION_NAME) + "）的人员提交");
    rules.requiredText(REPLY, "答复内容", 10, 2000);
    boolean complaint = "COMPLAINT".equals(LifecycleValues.string(execution, FEEDBACK_TYPE));
    Boolean substantiated = (Boolean) execution.getVariable(SUBSTANTIATED);
    if (complaint && substantiated == null) {
      rules.oneOf(SECTION_VERDICT, "核实结果（投诉是否属实）", List.of("substantiated", "unfounded"));
    }
    rules.throwIfInvalid();
    if (complaint && substantiated == null) {
      substantiated = "substantiated".equals(rules.text(SECTION_VERDICT));
    }
    String reply = rules.text(REPLY).strip();
    records.reply(LifecycleValues.longValue(execution, FEEDBACK_ID), user, reply, complaint ? substantiated : null);
    execution.setVariable(REPLY, reply);
    execution.setVariable(SUBSTANTIATED, complaint && substantiated);
  }

  private void rating(DelegateExecution execution) {
    String user = LifecycleValues.currentUser(execution.getProcessEngineServices());
    FieldRules rules = FieldRules.of(execution::getVariable);
    rules.rule(user == null || !user.equals(LifecycleValues.string(execution, SUBMITTER)), RATING,
        "只有提交人本人可以评价答复");
    Object raw = execution.getVariable(RATING);
    Integer rating = LifecycleValues.integer(raw);
    if (raw == null || raw.toString().isBlank()) {
      rules.rule(true, RATING, "请给答复评分（1–5 分）");
    } else {
      rules.rule(rating == null || rating < 1 || rating > 5, RATING,
          "评分须为 1 到 5 之间的整数（收到“" + raw + "”）");
    }
    rules.optionalText(RATING_COMMENT, "评价意见", 500);
    rules.throwIfInvalid();
    String comment = rules.text(RATING_COMMENT);
    records.rate(LifecycleValues.longValue(execution, FEEDBACK_ID), rating,
        LifecycleValues.isBlank(comment) ? null : comment.strip());
  }
}
