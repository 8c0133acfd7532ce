package org.stdflow.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.stdflow.organisation.GroupType;
import org.stdflow.organisation.OrganisationFile;
import org.stdflow.standard.StandardStatus;
import org.stdflow.standard.StandardType;

/**
 * Computes {@link Statistics} from the records: the register (V1), the supervision records (V5, V8)
 * and, through {@link FeedbackStatistics}, complaints and surveys. Supervision figures use the
 * definitions of {@code org.stdflow.inspection.SupervisionFigures} (the weekly, monthly and
 * quarterly cadences), so a month here shows what the monthly evaluation showed.
 */
@Service
public class StatisticsQueries {

  static final Map<String, String> SOURCE_LABELS = new LinkedHashMap<>();

  static {
    SOURCE_LABELS.put("INSPECTION", "监督检查");
    SOURCE_LABELS.put("COMPLAINT", "投诉");
    SOURCE_LABELS.put("SURVEY", "满意度测评");
  }

  private static final DateTimeFormatter GENERATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final JdbcClient jdbc;
  private final OrganisationFile organisation;
  private final FeedbackStatistics feedback;
  private final Clock clock;

  StatisticsQueries(JdbcClient jdbc, OrganisationFile organisation, FeedbackStatistics feedback, Clock clock) {
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.feedback = feedback;
    this.clock = clock;
  }

  public Statistics compute(StatisticsFilter request, String periodLabel) {
    LocalDateTime now = LocalDateTime.now(clock);
    List<NodeRow> nodes = nodes();
    Set<String> subtree = subtree(nodes, request.node());
    StatisticsFilter f = request.withNodeCodes(subtree);
    StandardRows standards = standards(f, subtree);
    Statistics.Node node = f.node() == null ? null
        : nodes.stream().filter(n -> n.code.equals(f.node())).findFirst()
            .map(n -> new Statistics.Node(n.code, n.name)).orElse(null);
    Statistics.Section section = f.section() == null ? null : new Statistics.Section(f.section(), sectionName(f.section()));
    List<Statistics.Section> sections = visibleSections(f).stream()
        .map(id -> new Statistics.Section(id, sectionName(id))).toList();
    return new Statistics(new Statistics.Period(f.from(), f.to(), periodLabel), section, node, GENERATED.format(now),
        standardFigures(f, nodes, standards), reviews(f, standards, now.toLocalDate()), inspections(f),
        rectifications(f, now), commendations(f), feedback.complaints(f), feedback.satisfaction(f), sections);
  }

  // ------------------------------------------------------------------ register

  private record NodeRow(String code, String name, String parentCode) {
  }

  private record StandardRow(long id, String code, String title, String node, String type, String status,
      String section, LocalDate nextReviewDate) {
  }

  private record StandardRows(Map<Long, StandardRow> byId) {
  }

  boolean nodeExists(String code) {
    return jdbc.sql("SELECT COUNT(*) FROM std_node WHERE code = :c").param("c", code).query(Integer.class).single() > 0;
  }

  private List<NodeRow> nodes() {
    return jdbc.sql("SELECT code, name, parent_code FROM std_node ORDER BY sort_order, code")
        .query((rs, n) -> new NodeRow(rs.getString(1), rs.getString(2), rs.getString(3))).list();
  }

  /** The node and all below it; null: the whole tree. */
  private static Set<String> subtree(List<NodeRow> nodes, String root) {
    if (root == null) {
      return null;
    }
    Set<String> result = new HashSet<>(Set.of(root));
    boolean grown = true;
    while (grown) {
      grown = false;
      for (NodeRow n : nodes) {
        if (n.parentCode != null && result.contains(n.parentCode) && result.add(n.code)) {
          grown = true;
        }
      }
    }
    return result;
  }

  private StandardRows standards(StatisticsFilter f, Set<String> subtree) {
    String sql = "SELECT id, code, title, node_code, standard_type, status, responsible_section, next_review_date"
        + " FROM std_standard" + (f.sections() == null ? "" : " WHERE responsible_section IN (:sections)");
    var query = jdbc.sql(sql);
    if (f.sections() != null) {
      query = query.param("sections", f.sections());
    }
    Map<Long, StandardRow> rows = new LinkedHashMap<>();
    query.query((rs, n) -> new StandardRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getString(6), rs.getString(7),
            rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate())).list().stream()
        .filter(s -> subtree == null || subtree.contains(s.node))
        .forEach(s -> rows.put(s.id, s));
    return new StandardRows(rows);
  }

  private Statistics.Standards standardFigures(StatisticsFilter f, List<NodeRow> nodes, StandardRows standards) {
    Map<String, Integer> byStatus = new HashMap<>();
    Map<String, Integer> byType = new HashMap<>();
    Map<String, int[]> direct = new HashMap<>();   // node -> in force: all, internal, adopted, regulation
    for (StandardRow s : standards.byId.values()) {
      byStatus.merge(s.status, 1, Integer::sum);
      if (StandardStatus.IN_FORCE.name().equals(s.status)) {
        byType.merge(s.type, 1, Integer::sum);
        int[] c = direct.computeIfAbsent(s.node, k -> new int[4]);
        c[0]++;
        c[kindIndex(s.type)]++;
      }
    }
    List<Statistics.Count> types = new ArrayList<>();
    for (StandardType t : StandardType.values()) {
      types.add(new Statistics.Count(t.name(), t.label(), byType.getOrDefault(t.name(), 0)));
    }
    List<Statistics.Count> statuses = new ArrayList<>();
    for (StandardStatus s : StandardStatus.values()) {
      statuses.add(new Statistics.Count(s.name(), s.label(), byStatus.getOrDefault(s.name(), 0)));
    }
    int inForce = byStatus.getOrDefault(StandardStatus.IN_FORCE.name(), 0);
    int adopted = byType.getOrDefault(StandardType.NATIONAL.name(), 0) + byType.getOrDefault(StandardType.LOCAL.name(), 0);

    // the tree in depth-first order, each node's figures including its subtree
    Map<String, List<NodeRow>> children = new LinkedHashMap<>();
    List<NodeRow> roots = new ArrayList<>();
    for (NodeRow n : nodes) {
      if (n.parentCode != null) {
        children.computeIfAbsent(n.parentCode, k -> new ArrayList<>()).add(n);
      }
      if (f.node() == null ? n.parentCode == null : n.code.equals(f.node())) {
        roots.add(n);
      }
    }
    List<Statistics.NodeCount> byNode = new ArrayList<>();
    int[] leaves = new int[2];
    for (NodeRow root : roots) {
      walk(root, 0, children, direct, byNode, leaves);
    }
    BigDecimal coverageRate = leaves[0] == 0 ? null : percent(leaves[1], leaves[0]);

    Set<Long> ids = standards.byId.keySet();
    int published = ids.isEmpty() ? 0 : (int) jdbc.sql(
            "SELECT standard_id FROM std_version WHERE effective_date BETWEEN :from AND :to")
        .param("from", f.from()).param("to", f.to()).query(Long.class).list().stream().filter(ids::contains).count();
    return new Statistics.Standards(standards.byId.size(), inForce,
        byType.getOrDefault(StandardType.INTERNAL.name(), 0), adopted,
        byType.getOrDefault(StandardType.REGULATION.name(), 0), types, statuses, byNode,
        new Statistics.Coverage(leaves[0], leaves[1], coverageRate), published);
  }

  private static int kindIndex(String type) {
    if (StandardType.REGULATION.name().equals(type)) {
      return 3;
    }
    if (StandardType.NATIONAL.name().equals(type) || StandardType.LOCAL.name().equals(type)) {
      return 2;
    }
    return 1;
  }

  /** Adds the node and its subtree to {@code out}; returns the subtree's in-force counts. */
  private static int[] walk(NodeRow n, int level, Map<String, List<NodeRow>> children, Map<String, int[]> direct,
      List<Statistics.NodeCount> out, int[] leaves) {
    int index = out.size();
    out.add(null);
    int[] sum = direct.getOrDefault(n.code, new int[4]).clone();
    List<NodeRow> kids = children.getOrDefault(n.code, List.of());
    if (kids.isEmpty()) {
      leaves[0]++;
      if (sum[0] > 0) {
        leaves[1]++;
      }
    }
    for (NodeRow k : kids) {
      int[] c = walk(k, level + 1, children, direct, out, leaves);
      for (int i = 0; i < 4; i++) {
        sum[i] += c[i];
      }
    }
    out.set(index, new Statistics.NodeCount(n.code, n.name, n.parentCode, level, sum[0], sum[1], sum[2], sum[3]));
    return sum;
  }

  private Statistics.Reviews reviews(StatisticsFilter f, StandardRows standards, LocalDate today) {
    int due = 0;
    List<Statistics.OverdueReview> overdue = new ArrayList<>();
    for (StandardRow s : standards.byId.values()) {
      if (!StandardStatus.IN_FORCE.name().equals(s.status) || s.nextReviewDate == null) {
        continue;
      }
      if (!s.nextReviewDate.isBefore(f.from()) && !s.nextReviewDate.isAfter(f.to())) {
        due++;
      }
      if (s.nextReviewDate.isBefore(today)) {
        overdue.add(new Statistics.OverdueReview(s.id, s.code, s.title, s.section, sectionName(s.section),
            s.nextReviewDate));
      }
    }
    overdue.sort((a, b) -> a.nextReviewDate().compareTo(b.nextReviewDate()));
    Set<Long> ids = standards.byId.keySet();
    int completed = ids.isEmpty() ? 0 : (int) jdbc.sql(
            "SELECT standard_id FROM std_review WHERE reviewed_at >= :a AND reviewed_at < :b")
        .param("a", f.from().atStartOfDay()).param("b", f.to().plusDays(1).atStartOfDay())
        .query(Long.class).list().stream().filter(ids::contains).count();
    return new Statistics.Reviews(due, overdue.size(), completed, overdue);
  }

  // ------------------------------------------------------------------ supervision

  private Statistics.Inspections inspections(StatisticsFilter f) {
    Map<String, int[]> bySection = new HashMap<>();   // passed, failed, missed
    Map<YearMonth, int[]> byMonth = new HashMap<>();
    int[] total = new int[3];
    grouped("""
        SELECT section_id, status, EXTRACT(YEAR FROM inspection_date) AS y, EXTRACT(MONTH FROM inspection_date) AS m,
               COUNT(*) AS n
        FROM insp_inspection WHERE inspection_date BETWEEN :from AND :to
          AND status IN ('PASSED', 'FAILED', 'MISSED')""" + sectionCondition(f, "section_id")
            + f.standardCondition("standard_id")
            + " GROUP BY section_id, status, EXTRACT(YEAR FROM inspection_date), EXTRACT(MONTH FROM inspection_date)",
        f, Map.of("from", f.from(), "to", f.to()), rs -> {
          int i = switch (rs.status) {
            case "PASSED" -> 0;
            case "FAILED" -> 1;
            default -> 2;
          };
          bySection.computeIfAbsent(rs.section, k -> new int[3])[i] += rs.n;
          byMonth.computeIfAbsent(YearMonth.of(rs.year, rs.month), k -> new int[3])[i] += rs.n;
          total[i] += rs.n;
        });
    List<Statistics.InspectionRow> sections = new ArrayList<>();
    for (String s : rowSections(f, bySection.keySet())) {
      int[] c = bySection.getOrDefault(s, new int[3]);
      sections.add(new Statistics.InspectionRow(s, sectionName(s), c[0], c[1], c[2], passRate(c)));
    }
    List<Statistics.InspectionRow> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(f.from()); !m.isAfter(YearMonth.from(f.to())); m = m.plusMonths(1)) {
      int[] c = byMonth.getOrDefault(m, new int[3]);
      months.add(new Statistics.InspectionRow(m.toString(), m.getYear() + "年" + m.getMonthValue() + "月", c[0], c[1],
          c[2], passRate(c)));
    }
    return new Statistics.Inspections(total[0] + total[1], total[0], total[1], total[2], passRate(total), sections,
        months);
  }

  private static BigDecimal passRate(int[] c) {
    int due = c[0] + c[1] + c[2];
    return due == 0 ? null : percent(c[0], due);
  }

  private Statistics.Rectifications rectifications(StatisticsFilter f, LocalDateTime now) {
    LocalDateTime start = f.from().atStartOfDay();
    LocalDateTime end = f.to().plusDays(1).atStartOfDay();
    LocalDateTime at = now.isBefore(end) ? now : end;
    Map<String, Object> period = Map.of("a", start, "b", end);
    Map<String, int[]> bySection = new HashMap<>();   // opened, closed, open, overdue
    countBySection("SELECT section_id, COUNT(*) FROM insp_rectification WHERE opened_at >= :a AND opened_at < :b",
        f, period, bySection, 0);
    String openAt = " FROM insp_rectification x WHERE x.opened_at < :at AND (x.closed_at IS NULL OR x.closed_at >= :at)";
    countBySection("SELECT x.section_id, COUNT(*)" + openAt, f, Map.of("at", at), bySection, 2);
    countBySection("SELECT x.section_id, COUNT(*)" + openAt + """
         AND EXISTS (SELECT 1 FROM insp_rectification_round r WHERE r.rectification_id = x.id
           AND r.started_at < :at AND r.deadline < :at AND (r.reinspected_at IS NULL OR r.reinspected_at >= :at))""",
        f, Map.of("at", at), bySection, 3);

    // closed in the period, with the time each took
    Map<String, long[]> closing = new HashMap<>();   // section -> count, minutes
    var closedQuery = f.bind(jdbc.sql("SELECT section_id, opened_at, closed_at FROM insp_rectification"
            + " WHERE closed_at >= :a AND closed_at < :b" + sectionCondition(f, "section_id")
            + f.standardCondition("standard_id"))
        .param("a", start).param("b", end));
    closedQuery.query(rs -> {
      long minutes = Duration.between(rs.getTimestamp(2).toLocalDateTime(), rs.getTimestamp(3).toLocalDateTime())
          .toMinutes();
      long[] c = closing.computeIfAbsent(rs.getString(1), k -> new long[2]);
      c[0]++;
      c[1] += minutes;
    });
    closing.forEach((s, c) -> bySection.computeIfAbsent(s, k -> new int[4])[1] = (int) c[0]);

    Map<String, Integer> sources = new HashMap<>();
    var sourceQuery = f.bind(jdbc.sql("SELECT source, COUNT(*) FROM insp_rectification WHERE opened_at >= :a AND opened_at < :b"
            + sectionCondition(f, "section_id") + f.standardCondition("standard_id") + " GROUP BY source")
        .param("a", start).param("b", end));
    sourceQuery.query(rs -> {
      sources.put(rs.getString(1), rs.getInt(2));
    });
    List<Statistics.Count> bySource = new ArrayList<>();
    SOURCE_LABELS.forEach((code, label) -> bySource.add(new Statistics.Count(code, label, sources.getOrDefault(code, 0))));
    sources.keySet().stream().filter(k -> !SOURCE_LABELS.containsKey(k)).sorted()
        .forEach(k -> bySource.add(new Statistics.Count(k, k, sources.get(k))));

    int[] total = new int[4];
    long[] totalClosing = new long[2];
    List<Statistics.RectificationRow> rows = new ArrayList<>();
    for (String s : rowSections(f, bySection.keySet())) {
      int[] c = bySection.getOrDefault(s, new int[4]);
      long[] t = closing.getOrDefault(s, new long[2]);
      rows.add(new Statistics.RectificationRow(s, sectionName(s), c[0], c[1], c[2], c[3], meanDays(t)));
      for (int i = 0; i < 4; i++) {
        total[i] += c[i];
      }
      totalClosing[0] += t[0];
      totalClosing[1] += t[1];
    }
    return new Statistics.Rectifications(total[0], total[1], total[2], total[3], meanDays(totalClosing), bySource, rows);
  }

  private static BigDecimal meanDays(long[] countAndMinutes) {
    return countAndMinutes[0] == 0 ? null : BigDecimal.valueOf(countAndMinutes[1])
        .divide(BigDecimal.valueOf(countAndMinutes[0] * 24 * 60), 1, RoundingMode.HALF_UP);
  }

  private Statistics.Commendations commendations(StatisticsFilter f) {
    Map<String, int[]> bySection = new HashMap<>();   // praise, criticism
    var query = f.bind(jdbc.sql("SELECT section_id, kind, COUNT(*) FROM insp_commendation WHERE recorded_at >= :a"
            + " AND recorded_at < :b" + sectionCondition(f, "section_id") + f.standardCondition("standard_id")
            + " GROUP BY section_id, kind")
        .param("a", f.from().atStartOfDay()).param("b", f.to().plusDays(1).atStartOfDay()));
    query.query(rs -> {
      int[] c = bySection.computeIfAbsent(rs.getString(1), k -> new int[2]);
      c["PRAISE".equals(rs.getString(2)) ? 0 : 1] += rs.getInt(3);
    });
    int praise = 0;
    int criticism = 0;
    List<Statistics.CommendationRow> rows = new ArrayList<>();
    for (String s : rowSections(f, bySection.keySet())) {
      int[] c = bySection.getOrDefault(s, new int[2]);
      rows.add(new Statistics.CommendationRow(s, sectionName(s), c[0], c[1]));
      praise += c[0];
      criticism += c[1];
    }
    return new Statistics.Commendations(praise, criticism, rows);
  }

  // ------------------------------------------------------------------ helpers

  private record GroupRow(String section, String status, int year, int month, int n) {
  }

  private void grouped(String sql, StatisticsFilter f, Map<String, Object> params,
      java.util.function.Consumer<GroupRow> each) {
    var query = f.bind(jdbc.sql(sql).params(params));
    query.query((rs, n) -> new GroupRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
        .list().forEach(each);
  }

  private void countBySection(String sql, StatisticsFilter f, Map<String, Object> params, Map<String, int[]> into,
      int index) {
    String column = sql.contains(" x ") ? "x.section_id" : "section_id";
    String standard = sql.contains(" x ") ? "x.standard_id" : "standard_id";
    var query = f.bind(jdbc.sql(sql + sectionCondition(f, column) + f.standardCondition(standard) + " GROUP BY " + column)
        .params(params));
    BiConsumer<String, Integer> put = (s, n) -> into.computeIfAbsent(s, k -> new int[4])[index] = n;
    query.query(rs -> {
      put.accept(rs.getString(1), rs.getInt(2));
    });
  }

  private static String sectionCondition(StatisticsFilter f, String column) {
    return f.sections() == null ? "" : " AND " + column + " IN (:sections)";
  }

  /** The sections a figure table lists: those visible, then any other section found in the records. */
  private List<String> rowSections(StatisticsFilter f, Set<String> found) {
    Set<String> ids = new LinkedHashSet<>(visibleSections(f));
    if (f.sections() == null) {
      found.stream().sorted().forEach(ids::add);
    }
    return List.copyOf(ids);
  }

  private List<String> visibleSections(StatisticsFilter f) {
    if (f.sections() != null) {
      return f.sections();
    }
    return organisation.groupsOfType(GroupType.SECTION).stream().map(OrganisationFile.GroupEntry::id).toList();
  }

  String sectionName(String id) {
    OrganisationFile.GroupEntry g = organisation.group(id);
    return g == null ? id : g.name();
  }

  static BigDecimal percent(long part, long whole) {
    return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }
}
