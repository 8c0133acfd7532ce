package org.stdflow.evaluation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stdflow.organisation.GroupType;
import org.stdflow.organisation.OrganisationFile;
import org.stdflow.platform.security.CurrentUser;
import org.stdflow.platform.web.ApiException;

/**
 * Feedback and satisfaction survey records, read-only. Feedback: leadership, the office, auditors
 * and admins read all; everyone else reads what they submitted, and section members what was
 * assigned to their section. Survey results: leadership, the office, inspectors, auditors and
 * admins read all, a section's members their own section's; everyone else gets 403.
 */
@RestController
class EvaluationRecordsController {

  private static final Set<GroupType> FEEDBACK_READ_ALL = Set.of(GroupType.LEADERSHIP, GroupType.OFFICE,
      GroupType.AUDIT, GroupType.ADMIN);
  private static final Set<GroupType> SURVEY_READ_ALL = Set.of(GroupType.LEADERSHIP, GroupType.OFFICE,
      GroupType.INSPECTION, GroupType.AUDIT, GroupType.ADMIN);

  private final EvaluationQueries queries;
  private final SurveyRecords surveys;
  private final OrganisationFile organisation;

  EvaluationRecordsController(EvaluationQueries queries, SurveyRecords surveys, OrganisationFile organisation) {
    this.queries = queries;
    this.surveys = surveys;
    this.organisation = organisation;
  }

  /** The body of PUT /api/surveys/definitions/{service}. */
  record DefinitionRequest(String name, String section, Boolean active, List<String> questions) {
  }

  @GetMapping("/api/feedback")
  List<Map<String, Object>> feedback(@RequestParam(required = false) String type,
      @RequestParam(required = false) String status, @RequestParam(required = false) String section,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    String t = blankToNull(type);
    if (t != null && !FeedbackProcess.TYPES.containsKey(t)) {
      throw new ApiException(HttpStatus.BAD_REQUEST,
          "请求参数有误：type 只能是 SUGGESTION（意见建议）、COMPLAINT（投诉）或 DEFECT（标准缺陷）");
    }
    String s = blankToNull(status);
    if (s != null && !EvaluationQueries.FEEDBACK_STATUS.containsKey(s)) {
      throw new ApiException(HttpStatus.BAD_REQUEST,
          "请求参数有误：status 只能是 SUBMITTED、REJECTED、ASSIGNED、REPLIED、RATED 或 UNRATED");
    }
    String sec = blankToNull(section);
    if (sec != null) {
      OrganisationFile.GroupEntry g = organisation.group(sec);
      if (g == null || g.type() != GroupType.SECTION) {
        throw new ApiException(HttpStatus.BAD_REQUEST, "请求参数有误：没有名为 " + sec + " 的科室");
      }
    }
    LocalDate f = date("from", from);
    LocalDate tt = date("to", to);
    if (f != null && tt != null && f.isAfter(tt)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "请求参数有误：开始日期 from 不能晚于结束日期 to");
    }
    if (readsAll(user, FEEDBACK_READ_ALL)) {
      return queries.feedback(new EvaluationQueries.FeedbackFilter(t, s, sec, null, null, f, tt));
    }
    List<String> own = ownSections(user);
    if (sec != null && !own.contains(sec)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "科室只能查看分办给本科室的意见反馈");
    }
    return queries.feedback(new EvaluationQueries.FeedbackFilter(t, s, sec, own, user.id(), f, tt));
  }

  @GetMapping("/api/feedback/{id}")
  Map<String, Object> feedback(@PathVariable long id, @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    Map<String, Object> x = queries.feedback(id)
        .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "意见反馈 " + id + " 不存在"));
    if (!readsAll(user, FEEDBACK_READ_ALL) && !user.id().equals(x.get("submitter"))
        && !ownSections(user).contains(x.get("section"))) {
      throw new ApiException(HttpStatus.FORBIDDEN, "只能查看本人提交或分办给本科室的意见反馈");
    }
    return x;
  }

  @GetMapping("/api/surveys")
  List<Map<String, Object>> surveys(@RequestParam(required = false) String quarter,
      @RequestParam(required = false) String service, @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    String q = blankToNull(quarter);
    if (q != null && SurveyQuarter.parse(q) == null) {
      throw new ApiException(HttpStatus.BAD_REQUEST,
          "请求参数有误：quarter 应为季度，格式 YYYY-Qn，例如 2026-Q3（收到“" + q + "”）");
    }
    String svc = blankToNull(service);
    if (svc != null && !queries.surveyServiceExists(svc)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "请求参数有误：没有名为 " + svc + " 的测评服务");
    }
    List<String> sections = null;
    if (!readsAll(user, SURVEY_READ_ALL)) {
      sections = ownSections(user);
      if (sections.isEmpty()) {
        throw new ApiException(HttpStatus.FORBIDDEN,
            "只有领导小组、标准化办公室、监督检查人员、审计监督人员和各科室可以查看满意度测评结果");
      }
    }
    return queries.surveyResults(q == null ? null : SurveyQuarter.parse(q).toString(), svc, sections);
  }

  @GetMapping("/api/surveys/definitions")
  List<Map<String, Object>> surveyDefinitions() {
    return queries.surveyDefinitions();
  }

  /**
   * Creates or replaces the survey of a service (name, responsible section, active, questions on the
   * scale 1–5). The office and admins only.
   */
  @org.springframework.web.bind.annotation.PutMapping("/api/surveys/definitions/{service}")
  Map<String, Object> saveDefinition(@PathVariable String service,
      @org.springframework.web.bind.annotation.RequestBody DefinitionRequest body,
      @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    if (!readsAll(user, Set.of(GroupType.OFFICE, GroupType.ADMIN))) {
      throw new ApiException(HttpStatus.FORBIDDEN, "只有标准化办公室和系统管理员可以维护满意度测评表");
    }
    java.util.Map<String, String> errors = new LinkedHashMap<>();
    if (!service.matches("^[a-z][a-z0-9-]{1,39}$")) {
      errors.put("service", "服务代码只能由小写字母、数字和连字符组成（2–40 个字符，以字母开头）");
    }
    String name = body == null ? null : blankToNull(body.name());
    if (name == null || name.length() < 2 || name.length() > 100) {
      errors.put("name", "测评名称须为 2–100 个字");
    }
    String section = body == null ? null : blankToNull(body.section());
    OrganisationFile.GroupEntry g = section == null ? null : organisation.group(section);
    if (g == null || g.type() != GroupType.SECTION) {
      errors.put("section", section == null ? "请选择责任科室" : "没有名为 " + section + " 的科室");
    }
    List<String> questions = new ArrayList<>();
    if (body == null || body.questions() == null || body.questions().isEmpty() || body.questions().size() > 20) {
      errors.put("questions", "测评表须有 1–20 个问题");
    } else {
      for (int i = 0; i < body.questions().size(); i++) {
        String q = blankToNull(body.questions().get(i));
        if (q == null || q.length() < 2 || q.length() > 200) {
          errors.put("questions[" + i + "]", "第 " + (i + 1) + " 个问题须为 2–200 个字");
        } else if (questions.contains(q)) {
          errors.put("questions[" + i + "]", "第 " + (i + 1) + " 个问题与前面的问题重复");
        } else {
          questions.add(q);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new org.stdflow.platform.validation.FormValidationException(errors);
    }
    surveys.saveDefinition(service, name, section, body.active() == null || body.active(), questions);
    return queries.surveyDefinitions().stream().filter(d -> service.equals(d.get("service"))).findFirst()
        .orElseThrow();
  }

  private boolean readsAll(CurrentUser user, Set<GroupType> types) {
    if (user.isAdmin()) {
      return true;
    }
    for (String g : user.groupIds()) {
      OrganisationFile.GroupEntry e = organisation.group(g);
      if (e != null && types.contains(e.type())) {
        return true;
      }
    }
    return false;
  }

  private List<String> ownSections(CurrentUser user) {
    List<String> own = new ArrayList<>();
    for (String g : user.groupIds()) {
      OrganisationFile.GroupEntry e = organisation.group(g);
      if (e != null && e.type() == GroupType.SECTION) {
        own.add(g);
      }
    }
    return own;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST,
          "请求参数有误：" + name + " 应为日期，格式 yyyy-MM-dd（收到“" + value + "”）");
    }
  }
}
