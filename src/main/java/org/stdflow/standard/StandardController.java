package org.stdflow.standard;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.stdflow.organisation.GroupType;
import org.stdflow.organisation.OrganisationFile;
import org.stdflow.standard.StandardViews.NodeView;
import org.stdflow.standard.StandardViews.Page;
import org.stdflow.standard.StandardViews.StandardDetail;
import org.stdflow.standard.StandardViews.StandardItem;

/**
 * The register, read-only, for every authenticated user (sections look up the standards in force,
 * auditors read everything): list with filters, one standard with its whole record, the tree.
 * Parameters are taken as text and parsed here, so a bad value gets a Chinese message naming it.
 */
@RestController
class StandardController {

  static final int DEFAULT_PAGE_SIZE = 50;
  static final int MAX_PAGE_SIZE = 200;
  /** More than a register will hold; the export says so if it is ever reached. */
  static final int MAX_EXPORT_ROWS = 10_000;

  private final StandardQueries queries;
  private final OrganisationFile organisation;
  private final CatalogueWorkbook catalogue;
  private final java.time.Clock clock;

  StandardController(StandardQueries queries, OrganisationFile organisation, CatalogueWorkbook catalogue,
      java.time.Clock clock) {
    this.queries = queries;
    this.organisation = organisation;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  @GetMapping("/api/standards")
  Page<StandardItem> list(@RequestParam(required = false) String q, @RequestParam(required = false) String node,
      @RequestParam(required = false) List<String> status, @RequestParam(required = false) String type,
      @RequestParam(required = false) String section, @RequestParam(required = false) String effectiveFrom,
      @RequestParam(required = false) String effectiveTo, @RequestParam(required = false) String reviewDueBefore,
      @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
    int pageNo = integer("page", page, 0, 0, Integer.MAX_VALUE, "参数 page 须为不小于 0 的整数");
    int pageSize = integer("size", size, DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE,
        "参数 size 须为 1 到 " + MAX_PAGE_SIZE + " 之间的整数");
    return queries.list(filter(q, node, status, type, section, effectiveFrom, effectiveTo, reviewDueBefore), pageNo,
        pageSize);
  }

  /**
   * 标准明细表 and 标准体系表 as an Excel workbook: the list's filters, every matching standard in the
   * list's order (no paging), and the tree with the live standards of each sub-tree — what the bureau
   * prints and sends to its units.
   */
  @GetMapping("/api/standards/catalogue.xlsx")
  ResponseEntity<byte[]> catalogue(@RequestParam(required = false) String q, @RequestParam(required = false) String node,
      @RequestParam(required = false) List<String> status, @RequestParam(required = false) String type,
      @RequestParam(required = false) String section, @RequestParam(required = false) String effectiveFrom,
      @RequestParam(required = false) String effectiveTo, @RequestParam(required = false) String reviewDueBefore) {
    StandardQueries.Filter filter = filter(q, node, status, type, section, effectiveFrom, effectiveTo, reviewDueBefore);
    Page<StandardItem> found = queries.list(filter, 0, MAX_EXPORT_ROWS);
    byte[] body = catalogue.xlsx(filter, found, queries.tree());
    String name = "标准明细表-" + LocalDate.now(clock) + ".xlsx";
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
        .body(body);
  }

  private StandardQueries.Filter filter(String q, String node, List<String> status, String type, String section,
      String effectiveFrom, String effectiveTo, String reviewDueBefore) {
    List<StandardStatus> statuses = new ArrayList<>();
    for (String s : status == null ? List.<String>of() : status) {
      if (s != null && !s.isBlank()) {
        statuses.add(parseEnum("status", s, StandardStatus.class, StandardStatus::label));
      }
    }
    StandardType standardType = type == null || type.isBlank() ? null
        : parseEnum("type", type, StandardType.class, StandardType::label);
    return new StandardQueries.Filter(blankToNull(q), blankToNull(node), statuses,
        standardType, blankToNull(section), date("effectiveFrom", effectiveFrom), date("effectiveTo", effectiveTo),
        date("reviewDueBefore", reviewDueBefore));
  }

  // a literal path wins over /api/standards/{id}, so "by-code" is never taken for an id
  @GetMapping("/api/standards/by-code")
  StandardDetail byCode(@RequestParam(required = false) String code) {
    if (code == null || code.isBlank()) {
      throw RegisterApiException.badParameter("code", "请提供标准编号（参数 code）");
    }
    String wanted = code.strip();
    return queries.idByCode(wanted).flatMap(queries::detail)
        .orElseThrow(() -> RegisterApiException.notFound("标准库中没有编号为“" + wanted + "”的标准"));
  }

  @GetMapping("/api/standards/{id}")
  StandardDetail detail(@PathVariable String id) {
    long standardId;
    try {
      standardId = Long.parseLong(id.strip());
    } catch (NumberFormatException e) {
      // an id that cannot exist is simply not there (no 400 for a mistyped URL)
      throw notFound(id);
    }
    return queries.detail(standardId).orElseThrow(() -> notFound(id));
  }

  @GetMapping("/api/nodes")
  List<NodeView> tree() {
    return queries.tree();
  }

  /** The sections a standard can be the responsibility of, in the organisation file's order (the register page's filter). */
  @GetMapping("/api/sections")
  List<java.util.Map<String, String>> sections() {
    return organisation.groupsOfType(GroupType.SECTION).stream()
        .map(g -> {
          java.util.Map<String, String> section = new java.util.LinkedHashMap<>();
          section.put("id", g.id());
          section.put("name", g.name());
          return section;
        }).toList();
  }

  private static RegisterApiException notFound(String id) {
    return RegisterApiException.notFound("标准 " + id + " 不存在");
  }

  private static int integer(String name, String value, int defaultValue, int min, int max, String message) {
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed < min || parsed > max) {
        throw RegisterApiException.badParameter(name, message);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw RegisterApiException.badParameter(name, message);
    }
  }

  private static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw RegisterApiException.badParameter(name,
          "参数 " + name + " 不是有效日期（格式 yyyy-MM-dd）：“" + value.strip() + "”");
    }
  }

  /** Enum names, case-insensitive; the message lists the valid values with their Chinese labels. */
  private static <E extends Enum<E>> E parseEnum(String name, String value, Class<E> type, Function<E, String> label) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      String valid = Arrays.stream(type.getEnumConstants()).map(c -> c.name() + "（" + label.apply(c) + "）")
          .collect(Collectors.joining("、"));
      throw RegisterApiException.badParameter(name,
          "参数 " + name + " 的取值“" + value.strip() + "”无效，可选：" + valid);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
