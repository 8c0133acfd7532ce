package org.stdflow.inspection;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stdflow.organisation.GroupType;
import org.stdflow.organisation.OrganisationFile;
import org.stdflow.organisation.OrganisationFile.GroupEntry;
import org.stdflow.platform.security.CurrentUser;

/**
 * The records of the supervision cadences. Leadership, the standardization office, inspectors,
 * auditors and admins read every section's; a section member reads their own section(s) only
 * (lists are filtered; asking for another section by name is refused).
 */
@RestController
class CadenceRecordsController {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
  };

  private final CadenceRecords records;
  private final OrganisationFile organisation;
  private final ObjectMapper json;
  private final SupervisionAccess access;

  CadenceRecordsController(CadenceRecords records, OrganisationFile organisation, ObjectMapper json,
      SupervisionAccess access) {
    this.records = records;
    this.organisation = organisation;
    this.json = json;
    this.access = access;
  }

  /** Weekly reports of weeks overlapping from..to (yyyy-MM-dd, both optional). */
  @GetMapping("/api/weekly-reports")
  ResponseEntity<?> weeklyReports(@RequestParam(required = false) String section,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    LocalDate fromDate;
    LocalDate toDate;
    try {
      fromDate = date("from", from);
      toDate = date("to", to);
    } catch (BadRequest e) {
      return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
      return error(HttpStatus.BAD_REQUEST, "开始日期 from 不能晚于结束日期 to");
    }
    return scoped(user, section, sections -> records.weeklyReports(sections, fromDate, toDate));
  }

  /** Monthly evaluations, of one month (YYYY-MM) or all. */
  @GetMapping("/api/monthly-evaluations")
  ResponseEntity<?> monthlyEvaluations(@RequestParam(required = false) String month,
      @RequestParam(required = false) String section, @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    if (month != null && CadencePeriods.parseMonth(month) == null) {
      return error(HttpStatus.BAD_REQUEST, "月份 month 的格式应为 YYYY-MM（例如 2026-10），收到“" + month + "”");
    }
    return scoped(user, section, sections -> records.monthlyEvaluations(sections,
        month == null ? null : CadencePeriods.parseMonth(month).toString()));
  }

  /** The quarterly assessment ranking, of one quarter (YYYY-Qn) or all. */
  @GetMapping("/api/quarterly-assessments")
  ResponseEntity<?> quarterlyAssessments(@RequestParam(required = false) String quarter,
      @RequestParam(required = false) String section, @RequestAttribute(CurrentUser.REQUEST_ATTRIBUTE) CurrentUser user) {
    if (quarter != null && CadencePeriods.Quarter.parse(quarter) == null) {
      return error(HttpStatus.BAD_REQUEST, "季度 quarter 的格式应为 YYYY-Qn（例如 2026-Q3），收到“" + quarter + "”");
    }
    return scoped(user, section, sections -> records.quarterlyAssessments(sections,
        quarter == null ? null : CadencePeriods.Quarter.parse(quarter).toString()));
  }

  private ResponseEntity<?> scoped(CurrentUser user, String section,
      java.util.function.Function<Collection<String>, List<? extends Record>> query) {
    List<String> sectionIds = organisation.groupsOfType(GroupType.SECTION).stream().map(GroupEntry::id).toList();
    if (section != null && !sectionIds.contains(section)) {
      return error(HttpStatus.BAD_REQUEST, "没有编号为“" + section + "”的科室");
    }
    Collection<String> filter;
    if (readsAll(user)) {
      filter = section == null ? null : List.of(section);
    } else {
      List<String> own = sectionIds.stream().filter(user::isMemberOf).toList();
      if (own.isEmpty()) {
        return error(HttpStatus.FORBIDDEN, "无权查看督查记录");
      }
      if (section != null && !own.contains(section)) {
        return error(HttpStatus.FORBIDDEN, "只能查看本科室的记录");
      }
      filter = section == null ? own : List.of(section);
    }
    return ResponseEntity.ok(query.apply(filter).stream().map(this::withSectionName).toList());
  }

  private boolean readsAll(CurrentUser user) {
    return access.readsAll(user);
  }

  private Map<String, Object> withSectionName(Record row) {
    Map<String, Object> out = new LinkedHashMap<>(json.convertValue(row, MAP));
    GroupEntry group = organisation.group((String) out.get("sectionId"));
    out.put("sectionName", group == null ? out.get("sectionId") : group.name());
    return out;
  }

  private static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new BadRequest("日期 " + name + " 的格式应为 yyyy-MM-dd（例如 2026-11-23），收到“" + value + "”");
    }
  }

  private static final class BadRequest extends RuntimeException {
    BadRequest(String message) {
      super(message);
    }
  }

  private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("status", status.value());
    b.put("message", message);
    return ResponseEntity.status(status).body(b);
  }
}
