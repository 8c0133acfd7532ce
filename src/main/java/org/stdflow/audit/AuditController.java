package org.stdflow.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' read-only API (GET only; {@link AuditAccessFilter} admits auditors and admins):
 * the trail by standard, run, user, section and period, as JSON, CSV and PDF; standards and their
 * runs; one run's diagram with the path taken; the verification of the chain.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

  private final AuditTrail trail;
  private final AuditChain chain;
  private final AuditExports exports;
  private final AuditProperties properties;
  private final ProcessEngine engine;
  private final Directory directory;

  AuditController(AuditTrail trail, AuditChain chain, AuditExports exports, AuditProperties properties,
      ProcessEngine engine, Directory directory) {
    this.trail = trail;
    this.chain = chain;
    this.exports = exports;
    this.properties = properties;
    this.engine = engine;
    this.directory = directory;
  }

  @GetMapping("/entries")
  Map<String, Object> entries(@RequestParam Map<String, String> params) {
    Resolved r = resolve(params);
    List<AuditTrail.View> entries = trail.search(r.query());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("standard", r.standard());
    body.put("count", entries.size());
    body.put("limit", r.query().limit());
    body.put("offset", r.query().offset());
    body.put("entries", entries);
    return body;
  }

  @GetMapping("/entries.csv")
  ResponseEntity<byte[]> csv(@RequestParam Map<String, String> params) {
    Resolved r = resolve(params);
    byte[] csv = exports.csv(trail.search(r.query()));
    return download(csv, new MediaType("text", "csv", StandardCharsets.UTF_8), fileName(r, "csv"));
  }

  @GetMapping("/entries.pdf")
  ResponseEntity<byte[]> pdf(@RequestParam Map<String, String> params) {
    Resolved r = resolve(params);
    byte[] pdf = exports.pdf(trail.search(r.query()), title(r));
    return download(pdf, MediaType.APPLICATION_PDF, fileName(r, "pdf"));
  }

  @GetMapping("/standards")
  List<AuditTrail.StandardRef> standards(@RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "section", required = false) String section) {
    return trail.findStandards(blankToNull(q), blankToNull(section), 100);
  }

  @GetMapping("/sections")
  List<Map<String, String>> sections() {
    return directory.sections().stream().map(g -> Map.of("id", g.id(), "name", g.name())).toList();
  }

  /** The runs that concern a standard (life cycle, supervision, ...), oldest first. */
  @GetMapping("/processes")
  Map<String, Object> processes(@RequestParam Map<String, String> params) {
    Resolved r = resolve(params);
    if (r.standard() == null) {
      throw new AuditBadRequestException("请指定标准：参数 standardCode（标准编号）或 standardId。");
    }
    HistoryService history = engine.getHistoryService();
    List<Map<String, Object>> runs = new ArrayList<>();
    for (String pi : trail.processesOf(r.standard().id())) {
      HistoricProcessInstance p = history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult();
      if (p != null) {
        runs.add(run(p));
      }
    }
    return Map.of("standard", r.standard(), "processes", runs);
  }

  /** One run: its BPMN and the activities it passed (finished) and is at (active). */
  @GetMapping("/processes/{id}")
  Map<String, Object> process(@PathVariable String id) {
    HistoricProcessInstance p = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(id)
        .singleResult();
    if (p == null) {
      throw new AuditNotFoundException("未找到流程实例 «" + id + "»（或无权查看其历史）。");
    }
    List<String> passed = new ArrayList<>();
    List<String> active = new ArrayList<>();
    for (HistoricActivityInstance a : engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(id).orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc()
        .list()) {
      (a.getEndTime() == null ? active : passed).add(a.getActivityId());
    }
    String xml;
    try (InputStream in = engine.getRepositoryService().getProcessModel(p.getProcessDefinitionId())) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the process model", e);
    }
    Map<String, Object> body = run(p);
    body.put("passed", passed);
    body.put("active", active);
    body.put("bpmnXml", xml);
    return body;
  }

  @GetMapping("/verification")
  AuditChain.Verification verification() {
    return chain.verify();
  }

  private Map<String, Object> run(HistoricProcessInstance p) {
    ProcessDefinition def = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionId(p.getProcessDefinitionId()).singleResult();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", p.getId());
    m.put("processKey", p.getProcessDefinitionKey());
    m.put("processName", def != null && def.getName() != null ? def.getName() : p.getProcessDefinitionKey());
    m.put("version", def == null ? null : def.getVersion());
    m.put("businessKey", p.getBusinessKey());
    m.put("startTime", p.getStartTime());
    m.put("endTime", p.getEndTime());
    m.put("state", p.getState());
    m.put("startUserId", p.getStartUserId());
    return m;
  }

  // ------------------------------------------------------------------ parameters

  record Resolved(AuditQuery query, AuditTrail.StandardRef standard) {
  }

  Resolved resolve(Map<String, String> params) {
    AuditTrail.StandardRef standard = null;
    String code = blankToNull(params.get("standardCode"));
    String idText = blankToNull(params.get("standardId"));
    if (code != null) {
      standard = trail.standardByCode(code)
          .orElseThrow(() -> new AuditNotFoundException("未找到编号为 «" + code + "» 的标准：请检查标准编号。"));
    } else if (idText != null) {
      long id = number(idText, "standardId");
      standard = trail.standard(id)
          .orElseThrow(() -> new AuditNotFoundException("未找到 ID 为 " + id + " 的标准。"));
    }
    LocalDate from = date(params.get("from"), "from（开始日期）");
    LocalDate to = date(params.get("to"), "to（结束日期）");
    if (from != null && to != null && from.isAfter(to)) {
      throw new AuditBadRequestException("开始日期 " + from + " 晚于结束日期 " + to + "。");
    }
    String action = blankToNull(params.get("action"));
    if (action != null) {
      try {
        AuditAction.valueOf(action);
      } catch (IllegalArgumentException e) {
        throw new AuditBadRequestException("未知的操作类型 «" + action + "»。");
      }
    }
    int max = properties.maxResults();
    String limitText = blankToNull(params.get("limit"));
    long limit = limitText == null ? max : number(limitText, "limit");
    String offsetText = blankToNull(params.get("offset"));
    long offset = offsetText == null ? 0 : number(offsetText, "offset");
    if (limit < 1 || offset < 0) {
      throw new AuditBadRequestException("limit 须为正整数，offset 不能为负数。");
    }
    AuditQuery q = new AuditQuery(standard == null ? null : standard.id(), blankToNull(params.get("processInstanceId")),
        blankToNull(params.get("user")), blankToNull(params.get("section")), from, to, action,
        (int) Math.min(limit, max), (int) Math.min(offset, Integer.MAX_VALUE));
    return new Resolved(q, standard);
  }

  private static LocalDate date(String text, String name) {
    String t = blankToNull(text);
    if (t == null) {
      return null;
    }
    try {
      return LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      throw new AuditBadRequestException("日期格式有误：参数 " + name + " 的值 «" + t + "» 不是有效日期，应为 yyyy-MM-dd，例如 2026-03-01。");
    }
  }

  private static long number(String text, String name) {
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      throw new AuditBadRequestException("参数 " + name + " 应为整数，收到 «" + text + "»。");
    }
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static String title(Resolved r) {
    AuditQuery q = r.query();
    List<String> parts = new ArrayList<>();
    if (r.standard() != null) {
      parts.add("标准 " + (r.standard().code() == null ? "" : r.standard().code() + " ") + r.standard().title());
    }
    if (q.processInstanceId() != null) {
      parts.add("流程实例 " + q.processInstanceId());
    }
    if (q.user() != null) {
      parts.add("用户 " + q.user());
    }
    if (q.section() != null) {
      parts.add("科室 " + q.section());
    }
    if (q.from() != null || q.to() != null) {
      parts.add("期间 " + (q.from() == null ? "" : q.from()) + " 至 " + (q.to() == null ? "" : q.to()));
    }
    return parts.isEmpty() ? "全部记录" : String.join("，", parts);
  }

  private static String fileName(Resolved r, String ext) {
    String base = r.standard() != null ? "audit-trail-" + r.standard().id() : "audit-trail";
    return base + "." + ext;
  }

  private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String name) {
    HttpHeaders h = new HttpHeaders();
    h.setContentType(type);
    h.setContentDisposition(ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build());
    return ResponseEntity.ok().headers(h).body(body);
  }
}
