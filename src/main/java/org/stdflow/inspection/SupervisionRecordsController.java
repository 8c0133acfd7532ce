package org.stdflow.inspection;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
 * The supervision records, read-only: inspections, rectifications (with rounds and findings) and
 * praise / circulated criticism, per standard, per section and per period. Leadership, the office,
 * inspectors, auditors and admins read everything; a section's members read their own section's
 * records; everyone else gets 403.
 */
@RestController
class SupervisionRecordsController {

  private final SupervisionQueries queries;
  private final OrganisationFile organisation;
  private final SupervisionAccess access;

  SupervisionRecordsController(SupervisionQueries queries, OrganisationFile organisation, SupervisionAccess access) {
    this.queries = queries;
    this.organisation = organisation;
    this.access = access;
  }

  @GetMapping("/api/inspections")
  List<Map<String, Object>> inspections(@RequestParam(required = false) Long standardId,
      @RequestParam(required = false) String section, @RequestParam(required = false) String status,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    oneOf("status", status, InspectionLabels.INSPECTION_STATUSES);
    SupervisionQueries.Filter f = filter(user, standardId, section, status, from, to);
    return queries.inspections(f);
  }

  @GetMapping("/api/inspections/{id}")
  Map<String, Object> inspection(@PathVariable long id, @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    Map<String, Object> x = queries.inspection(id)
        .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "检查记录 " + id + " 不存在"));
    checkSection(user, (String) x.get("section"));
    return x;
  }

  @GetMapping("/api/rectifications")
  List<Map<String, Object>> rectifications(@RequestParam(required = false) Long standardId,
      @RequestParam(required = false) String section, @RequestParam(required = false) String status,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    oneOf("status", status, RECTIFICATION_STATUSES);
    return queries.rectifications(filter(user, standardId, section, status, from, to));
  }

  @GetMapping("/api/rectifications/{id}")
  Map<String, Object> rectification(@PathVariable long id,
      @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    Map<String, Object> r = queries.rectification(id)
        .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "整改记录 " + id + " 不存在"));
    checkSection(user, (String) r.get("section"));
    return r;
  }

  @GetMapping("/api/commendations")
  List<Map<String, Object>> commendations(@RequestParam(required = false) Long standardId,
      @RequestParam(required = false) String section, @RequestParam(required = false) String kind,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    if (kind != null && !kind.isBlank() && !Set.of("PRAISE", "CRITICISM").contains(kind)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "请求参数有误：kind 只能是 PRAISE（表扬）或 CRITICISM（通报批评）");
    }
    return queries.commendations(filter(user, standardId, section, kind, from, to));
  }

  private SupervisionQueries.Filter filter(CurrentUser user, Long standardId, String section, String status,
      String from, String to) {
    LocalDate f = date("from", from);
    LocalDate t = date("to", to);
    if (f != null && t != null && f.isAfter(t)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "请求参数有误：开始日期 from 不能晚于结束日期 to");
    }
    if (section != null && !section.isBlank()) {
      OrganisationFile.GroupEntry g = organisation.group(section);
      if (g == null || g.type() != GroupType.SECTION) {
        throw new ApiException(HttpStatus.BAD_REQUEST, "请求参数有误：没有名为 " + section + " 的科室");
      }
    }
    List<String> sections;
    if (readsAll(user)) {
      sections = section == null || section.isBlank() ? null : List.of(section);
    } else {
      List<String> own = ownSections(user);
      if (own.isEmpty()) {
        throw new ApiException(HttpStatus.FORBIDDEN, "只有领导小组、标准化办公室、监督检查人员、审计监督人员和各科室可以查看监督检查记录");
      }
      if (section != null && !section.isBlank() && !own.contains(section)) {
        throw new ApiException(HttpStatus.FORBIDDEN, "科室只能查看本科室的监督检查记录");
      }
      sections = section == null || section.isBlank() ? own : List.of(section);
    }
    return new SupervisionQueries.Filter(standardId, sections, status == null || status.isBlank() ? null : status, f, t);
  }

  private void checkSection(CurrentUser user, String section) {
    if (!readsAll(user) && !ownSections(user).contains(section)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "科室只能查看本科室的监督检查记录");
    }
  }

  private boolean readsAll(CurrentUser user) {
    return access.readsAll(user);
  }

  private List<String> ownSections(CurrentUser user) {
    return access.ownSections(user);
  }

  private static final Map<String, String> RECTIFICATION_STATUSES = Map.of("OPEN", "整改中", "CLOSED", "已完成");

  /** A filter value outside the stored ones would silently find nothing: refused, naming the values. */
  private static void oneOf(String name, String value, Map<String, String> allowed) {
    if (value != null && !value.isBlank() && !allowed.containsKey(value)) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "请求参数有误：" + name + " 只能是 "
          + allowed.entrySet().stream().sorted(Map.Entry.comparingByKey())
              .map(e -> e.getKey() + "（" + e.getValue() + "）").collect(java.util.stream.Collectors.joining("、"))
          + "，收到“" + value + "”");
    }
  }

  private static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "请求参数有误：" + name + " 应为日期，格式 yyyy-MM-dd（收到“" + value + "”）");
    }
  }
}
