package org.stdflow.standard;

import static org.stdflow.standard.StandardLifecycleProcess.Vars.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.stdflow.document.DocumentKind;
import org.stdflow.document.DocumentService;
import org.stdflow.organisation.GroupType;
import org.stdflow.organisation.OrganisationFile;
import org.stdflow.platform.validation.FieldRules;
import org.stdflow.standard.StandardLifecycleProcess.Values;
import org.stdflow.platform.security.AsEngine;

/**
 * Enforces the rules of the life cycle's forms on the server, for Tasklist and for REST callers who
 * skip the form alike: the start of a proposal and the completion of each user task fail with a
 * per-field Chinese message and the process does not move.
 *
 * <p>An execution listener ("start" on the start event, "end" on user tasks), not a task listener:
 * the engine wraps task listener exceptions in a plain ProcessEngineException (REST 500), while this
 * one reaches the caller as the 400 it is. Cancellation (deadlines, admin modification) is never
 * blocked by form rules.
 */
@Component("validateLifecycleFormListener")
public class ValidateLifecycleFormListener implements ExecutionListener {

  private final OrganisationFile organisation;
  private final StandardRegister register;
  private final DocumentService documents;
  private final LifecycleProperties properties;
  private final Clock clock;

  public ValidateLifecycleFormListener(OrganisationFile organisation, StandardRegister register,
      DocumentService documents, LifecycleProperties properties, Clock clock) {
    this.organisation = organisation;
    this.register = register;
    this.documents = documents;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    Function<String, Object> vars = execution::getVariable;
    FieldRules rules = FieldRules.of(vars);
    String pi = execution.getProcessInstanceId();
    switch (execution.getCurrentActivityId()) {
      case StandardLifecycleProcess.START_PROPOSAL_SUBMITTED, StandardLifecycleProcess.TASK_SUPPLEMENT_PROPOSAL ->
          proposal(rules, execution);
      case StandardLifecycleProcess.TASK_FORMAL_CHECK -> decision(rules, FORMAL_CHECK_DECISION, "形式审查结论",
          Values.FORMAL_CHECK_DECISIONS, FORMAL_CHECK_REASON, "审查意见", Set.of("supplement", "reject"),
          "退回补充或不予立项时必须填写审查意见");
      case StandardLifecycleProcess.TASK_APPROVE_PROJECT -> decision(rules, PROJECT_DECISION, "立项批准结论",
          Values.PROJECT_DECISIONS, PROJECT_DECISION_REASON, "不予批准的理由", Set.of("reject"), "不予批准时必须填写理由");
      case StandardLifecycleProcess.TASK_DRAFT_STANDARD -> {
        List<String> elements = LifecycleValues.stringList(vars.apply(GBT11_ELEMENTS));
        List<String> missing = Values.REQUIRED_GBT11_ELEMENTS.stream().filter(e -> !elements.contains(e)).toList();
        rules.rule(!missing.isEmpty(), GBT11_ELEMENTS,
            "标准文本须包含 GB/T 1.1 要素：范围、规范性引用文件、术语和定义、要求（技术内容），尚缺 " + missing.size() + " 项");
        List<String> consulted = LifecycleValues.stringList(vars.apply(CONSULTED_SECTIONS));
        Set<String> sections = sectionIds();
        rules.rule(consulted.isEmpty(), CONSULTED_SECTIONS, "请至少选择一个征求意见的科室")
            .rule(!sections.containsAll(consulted), CONSULTED_SECTIONS, "征求意见的科室中有无效的科室")
            .optionalText("draftSummary", "起草说明", 2000);
        requireDocuments(rules, execution, DocumentKind.STANDARD_TEXT, DocumentKind.DRAFTING_NOTES);
      }
      case StandardLifecycleProcess.TASK_COMMENT_ON_DRAFT -> {
        boolean none = Boolean.TRUE.equals(vars.apply(NO_COMMENT));
        if (!none) {
          rules.requiredText(COMMENT_TEXT, "意见和建议（或勾选“本科室无意见”）", 1, 4000);
        }
      }
      case StandardLifecycleProcess.TASK_RESOLVE_COMMENTS -> resolution(rules, execution);
      case StandardLifecycleProcess.TASK_HOLD_REVIEW_MEETING -> reviewMeeting(rules, execution);
      case StandardLifecycleProcess.TASK_APPLY_REVIEW_CHANGES ->
          rules.requiredText(CHANGES_DESCRIPTION, "修改情况说明", 1, 4000);
      case StandardLifecycleProcess.TASK_APPROVE_PUBLICATION -> {
        decision(rules, PUBLICATION_DECISION, "审批结论", Values.PUBLICATION_DECISIONS, PUBLICATION_REASON, "退回理由",
            Set.of("return"), "退回修改时必须填写理由");
        if ("approve".equals(rules.text(PUBLICATION_DECISION))) {
          LocalDate effective = date(rules, EFFECTIVE_DATE, "实施日期");
          rules.rule(effective != null && effective.isBefore(LocalDate.now(clock)), EFFECTIVE_DATE, "实施日期不能早于今天");
        }
      }
      case StandardLifecycleProcess.TASK_RECORD_TRAINING -> {
        LocalDate date = date(rules, TRAINING_DATE, "培训日期");
        rules.rule(date != null && date.isAfter(LocalDate.now(clock)), TRAINING_DATE, "培训日期不能晚于今天（请在培训后登记）");
        // the training is of the version just published
        LocalDate published = vars.apply(VERSION_ID) instanceof Number v ? register.publishedOn(v.longValue()) : null;
        rules.rule(date != null && published != null && date.isBefore(published), TRAINING_DATE,
                "培训日期不能早于本版本的发布日期（" + published + "）")
            .requiredText(TRAINING_ATTENDEES, "参训人员", 1, 2000)
            .optionalText("trainingNotes", "培训内容与材料", 2000);
      }
      case StandardLifecycleProcess.TASK_ACKNOWLEDGE_STANDARD ->
          rules.rule(!Boolean.TRUE.equals(vars.apply(ACKNOWLEDGED)), ACKNOWLEDGED, "请勾选“已阅知悉”");
      case StandardLifecycleProcess.TASK_REVIEW_STANDARD -> {
        decision(rules, PERIODIC_REVIEW_OUTCOME, "复审结论", Values.PERIODIC_REVIEW_OUTCOMES, PERIODIC_REVIEW_REASON,
            "理由", Set.of("revise", "repeal", "interpret"), "修订、废止或解释时必须填写理由");
        Object standardId = execution.getVariable(STANDARD_ID);
        rules.rule("revise".equals(rules.text(PERIODIC_REVIEW_OUTCOME)) && standardId instanceof Long id
                && register.find(id).map(StandardRegister.Standard::revisionInProgress).orElse(false),
            PERIODIC_REVIEW_OUTCOME, "该标准已有修订立项在进行中，不能再启动修订；请选择其他复审结论");
      }
      case StandardLifecycleProcess.TASK_PUBLISH_INTERPRETATION -> {
        rules.requiredText(INTERPRETATION_SUMMARY, "解释要点", 1, 2000);
        requireDocuments(rules, execution, DocumentKind.INTERPRETATION);
      }
      case StandardLifecycleProcess.TASK_APPROVE_REPEAL -> decision(rules, REPEAL_DECISION, "审批结论",
          Values.REPEAL_DECISIONS, REPEAL_DECISION_REASON, "不予批准的理由", Set.of("reject"), "不予批准时必须填写理由");
      default -> {
        // no form rules
      }
    }
    rules.throwIfInvalid();
  }

  private void proposal(FieldRules rules, DelegateExecution execution) {
    rules.requiredText(TITLE, "标准名称", 2, 100)
        .oneOf(KIND, "立项类型", Values.KINDS)
        .oneOf(STANDARD_TYPE, "标准类型", List.of("INTERNAL", "REGULATION", "NATIONAL", "LOCAL"))
        .oneOf(RESPONSIBLE_SECTION, "责任科室", sectionIds())
        .requiredText(RATIONALE, "立项理由", 1, 2000)
        .requiredText(SCOPE, "适用范围", 1, 1000)
        .futureDate(PLANNED_COMPLETION_DATE, "计划完成日期", clock);
    String node = rules.text(NODE);
    if (LifecycleValues.isBlank(node)) {
      rules.rule(true, NODE, "请选择所属体系节点");
    } else {
      rules.rule(!register.nodeExists(node), NODE, "所属体系节点的取值“" + node + "”无效");
    }
    String kind = rules.text(KIND);
    String type = rules.text(STANDARD_TYPE);
    Long self = (Long) execution.getVariable(STANDARD_ID);
    if (self != null) {
      supplementKeepsTheRegisterRow(rules, self, kind);
    }
    if ("adoption".equals(kind)) {
      rules.rule(type != null && !Set.of("NATIONAL", "LOCAL").contains(type), STANDARD_TYPE,
          "采用的标准须为国家标准或地方标准");
      String external = rules.text(EXTERNAL_CODE);
      rules.rule(LifecycleValues.isBlank(external), EXTERNAL_CODE, "采用标准须填写国家/地方标准编号");
      rules.optionalText(EXTERNAL_CODE, "国家/地方标准编号", 64);
      rules.rule(!LifecycleValues.isBlank(external) && register.codeTaken(external.strip(), self), EXTERNAL_CODE,
          "标准编号“" + (external == null ? "" : external.strip()) + "”已在标准库中");
    } else if (kind != null && type != null && Set.of("NATIONAL", "LOCAL").contains(type)) {
      rules.rule(true, STANDARD_TYPE, "国家标准、地方标准只能以“采用”方式立项");
    }
    if ("revision".equals(kind)) {
      String code = rules.text(REVISED_STANDARD_CODE);
      StandardRegister.Standard revised = LifecycleValues.isBlank(code) ? null
          : register.findByCode(code.strip()).orElse(null);
      if (LifecycleValues.isBlank(code)) {
        rules.rule(true, REVISED_STANDARD_CODE, "修订标准须填写拟修订标准的编号");
      } else if (revised == null) {
        rules.rule(true, REVISED_STANDARD_CODE, "标准库中没有编号为“" + code.strip() + "”的标准");
      } else if (revised.status() != StandardStatus.IN_FORCE) {
        rules.rule(true, REVISED_STANDARD_CODE, "只能修订现行有效的标准（该标准状态：" + revised.status().label() + "）");
      } else if (revised.revisionInProgress() && !Long.valueOf(revised.id()).equals(self)) {
        rules.rule(true, REVISED_STANDARD_CODE, "该标准已有修订在进行中");
      } else {
        self = revised.id();
      }
    }
    String title = rules.text(TITLE);
    if (!LifecycleValues.isBlank(title) && !LifecycleValues.isBlank(node)) {
      rules.rule(register.titleTaken(node, title.strip(), self), TITLE,
          "该体系节点下已有名为“" + title.strip() + "”的标准");
    }
  }

  /**
   * A supplement amends the proposal the run registered; it cannot turn a new standard into a
   * revision of one in force (or back), nor point a revision at another standard: the run's register
   * row would be left behind, or an in-force standard taken over.
   */
  private void supplementKeepsTheRegisterRow(FieldRules rules, long self, String kind) {
    StandardRegister.Standard registered = register.find(self).orElse(null);
    if (registered == null || kind == null) {
      return;
    }
    boolean wasRevision = registered.currentVersionId() != null;
    if (wasRevision != "revision".equals(kind)) {
      rules.rule(true, KIND, wasRevision
          ? "补充材料时不能把“修订现行标准”改为其他立项类型；如需改变，请由标准化办公室作不予立项处理后重新申请"
          : "补充材料时不能改为“修订现行标准”；如需修订现行标准，请由标准化办公室作不予立项处理后重新申请");
    } else if (wasRevision) {
      String code = rules.text(REVISED_STANDARD_CODE);
      StandardRegister.Standard revised = LifecycleValues.isBlank(code) ? null
          : register.findByCode(code.strip()).orElse(null);
      rules.rule(revised != null && revised.id() != self, REVISED_STANDARD_CODE,
          "补充材料时不能更改拟修订的标准（本次立项修订的是 " + registered.code() + "）");
    }
  }

  private void decision(FieldRules rules, String key, String label, List<String> values, String reasonKey,
      String reasonLabel, Set<String> needReason, String message) {
    rules.oneOf(key, label, values).optionalText(reasonKey, reasonLabel, 2000);
    String reason = rules.text(reasonKey);
    String decision = rules.text(key);
    // (a missing decision is oneOf's error above; Set.of(…).contains(null) would throw)
    rules.rule(decision != null && needReason.contains(decision) && LifecycleValues.isBlank(reason), reasonKey, message);
  }

  private void resolution(FieldRules rules, DelegateExecution execution) {
    List<Map<String, Object>> rows = LifecycleValues.rows(execution.getVariable(COMMENT_ROWS));
    Set<String> open = register.openComments(execution.getProcessInstanceId()).stream()
        .filter(c -> !c.noComment()).map(c -> String.valueOf(c.id())).collect(Collectors.toSet());
    Set<String> answered = rows.stream().map(r -> String.valueOf(r.get("commentId"))).collect(Collectors.toSet());
    rules.rule(!answered.equals(open), COMMENT_ROWS, "须对每一条意见给出处理结果（意见列表与待处理意见不一致）");
    int n = 1;
    for (Map<String, Object> row : rows) {
      Object decision = row.get("decision");
      Object reason = row.get("reason");
      String key = COMMENT_ROWS + "[" + (n - 1) + "]";
      if (decision == null || !Values.COMMENT_DECISIONS.contains(decision.toString())) {
        rules.rule(true, key + ".decision", "第 " + n + " 条意见未选择处理结果");
      } else if (!"accept".equals(decision) && (reason == null || reason.toString().isBlank())) {
        rules.rule(true, key + ".reason", "第 " + n + " 条意见部分采纳或不采纳时必须说明理由");
      }
      rules.rule(reason != null && reason.toString().length() > 2000, key + ".reason", "第 " + n + " 条意见的理由不能超过 2000 字");
      n++;
    }
  }

  private void reviewMeeting(FieldRules rules, DelegateExecution execution) {
    LocalDate date = date(rules, MEETING_DATE, "会议日期");
    rules.rule(date != null && date.isAfter(LocalDate.now(clock)), MEETING_DATE, "会议日期不能晚于今天（请在会后登记）");
    // the meeting reviews the draft that went out for comments: not before that round opened
    LocalDate commentsOpened = execution.getVariable(COMMENT_ROUND_OPENED) instanceof java.util.Date opened
        ? opened.toInstant().atZone(clock.getZone()).toLocalDate() : null;
    rules.rule(date != null && commentsOpened != null && date.isBefore(commentsOpened), MEETING_DATE,
            "会议日期不能早于本轮征求意见开始的日期（" + commentsOpened + "）")
        .requiredText(PARTICIPANTS, "出席人员", 1, 2000)
        .oneOf(REVIEW_OUTCOME, "评审结论", Values.REVIEW_OUTCOMES)
        .optionalText(REVIEW_REMARKS, "评审意见", 4000);
    Integer count = count(rules, execution, PARTICIPANT_COUNT, "出席人数");
    Integer yes = count(rules, execution, VOTES_FOR, "赞成票");
    Integer no = count(rules, execution, VOTES_AGAINST, "反对票");
    Integer abstain = count(rules, execution, VOTES_ABSTAIN, "弃权票");
    String outcome = rules.text(REVIEW_OUTCOME);
    rules.rule(("pass_with_changes".equals(outcome) || "fail".equals(outcome))
        && LifecycleValues.isBlank(rules.text(REVIEW_REMARKS)), REVIEW_REMARKS, "修改后通过或不通过时必须填写评审意见");
    if (count != null && yes != null && no != null && abstain != null) {
      rules.rule(yes + no + abstain != count, VOTES_FOR,
          "赞成、反对、弃权票合计 " + (yes + no + abstain) + " 张，与出席人数 " + count + " 不符");
      rules.rule(count < properties.reviewQuorum(), PARTICIPANT_COUNT,
          "出席人数 " + count + " 未达到法定人数 " + properties.reviewQuorum() + "，评审会无效");
      rules.rule(("pass".equals(outcome) || "pass_with_changes".equals(outcome))
              && !properties.majorityReached(yes, count), REVIEW_OUTCOME,
          "赞成票 " + yes + " 未达到出席人数的 " + properties.reviewMajorityNumerator() + "/"
              + properties.reviewMajorityDenominator() + "，不能评审通过");
    }
    requireDocuments(rules, execution, DocumentKind.MEETING_MINUTES);
  }

  /** A review meeting's head count and votes: far above any meeting the bureau holds, far below overflow. */
  static final int MAX_COUNT = 1000;

  private static Integer count(FieldRules rules, DelegateExecution execution, String key, String label) {
    Object raw = execution.getVariable(key);
    Integer value = LifecycleValues.integer(raw);
    if (raw == null) {
      rules.rule(true, key, label + "不能为空");
    } else if (value == null || value < 0 || value > MAX_COUNT) {
      rules.rule(true, key, label + "须为 0 到 " + MAX_COUNT + " 之间的整数");
      return null;
    }
    return value;
  }

  private LocalDate date(FieldRules rules, String key, String label) {
    String raw = rules.text(key);
    if (raw == null || raw.isBlank()) {
      rules.rule(true, key, label + "不能为空");
      return null;
    }
    LocalDate date = FieldRules.date(raw, clock.getZone());
    rules.rule(date == null, key, label + "不是有效日期（格式 yyyy-MM-dd）");
    return date;
  }

  /** Documents of this run not yet published with a version; all missing kinds in one message. */
  /**
   * The documents a step requires, uploaded in this step: a redraft after a failed meeting, a second
   * meeting, a revision's draft need new files, not the ones an earlier round of the run left behind.
   */
  private void requireDocuments(FieldRules rules, DelegateExecution execution, DocumentKind... kinds) {
    java.time.Instant since = stepStarted(execution);
    Set<DocumentKind> present = documents.documentsOfProcess(execution.getProcessInstanceId()).stream()
        .filter(d -> d.versionId() == null)
        .filter(d -> since == null || d.uploadedAt() == null || !d.uploadedAt().isBefore(since))
        .map(d -> d.kind()).collect(Collectors.toSet());
    String missing = java.util.Arrays.stream(kinds).filter(k -> !present.contains(k))
        .map(k -> "“" + k.label() + "”").collect(Collectors.joining("、"));
    rules.rule(!missing.isEmpty(), "documents", "请先上传" + missing + "（点击表单中的“上传 / 查看本任务的文件”）");
  }

  /** When this step's activity instance began (to the millisecond), read as the engine; null: unknown. */
  private static java.time.Instant stepStarted(DelegateExecution execution) {
    var services = execution.getProcessEngineServices();
    var instance = AsEngine.get(services.getIdentityService(), () -> services.getHistoryService()
        .createHistoricActivityInstanceQuery().activityInstanceId(execution.getActivityInstanceId()).singleResult());
    return instance == null || instance.getStartTime() == null ? null : instance.getStartTime().toInstant();
  }

  private Set<String> sectionIds() {
    return organisation.groupsOfType(GroupType.SECTION).stream().map(OrganisationFile.GroupEntry::id)
        .collect(Collectors.toSet());
  }
}
