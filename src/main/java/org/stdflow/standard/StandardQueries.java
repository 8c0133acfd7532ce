package org.stdflow.standard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.stdflow.document.DocumentKind;
import org.stdflow.organisation.OrganisationFile;
import org.stdflow.standard.StandardViews.CommentView;
import org.stdflow.standard.StandardViews.DocumentView;
import org.stdflow.standard.StandardViews.NodeView;
import org.stdflow.standard.StandardViews.NoticeView;
import org.stdflow.standard.StandardViews.Page;
import org.stdflow.standard.StandardViews.ReviewView;
import org.stdflow.standard.StandardViews.StandardDetail;
import org.stdflow.standard.StandardViews.StandardItem;
import org.stdflow.standard.StandardViews.TrainingView;
import org.stdflow.standard.StandardViews.VersionView;

/**
 * Reads of the register for the API: lists with filters, one standard with its whole record, the
 * tree. Plain SQL on the std_* tables, portable between H2 and PostgreSQL. Writes belong to
 * {@link StandardRegister} (life cycle) and {@link StandardNodeService} (tree).
 */
@Repository
class StandardQueries {

  /** A standard's code starts with the node code, so the tree order is the order of node codes. */
  private static final String ORDER = " ORDER BY s.node_code,"
      + " CASE WHEN s.sequence_in_node IS NULL THEN 1 ELSE 0 END, s.sequence_in_node, s.code NULLS LAST, s.title, s.id";

  private static final String SELECT = """
      SELECT s.id, s.code, s.title, s.node_code, n.name AS node_name, s.standard_type, s.status,
             s.responsible_section, v.version_no, s.effective_date, s.next_review_date, s.revision_in_progress,
             s.scope, s.rejection_reason, s.process_instance_id
        FROM std_standard s
        JOIN std_node n ON n.code = s.node_code
        LEFT JOIN std_version v ON v.id = s.current_version_id""";

  /** Never the content column: lists and details must not load the bytes. */
  private static final String DOCUMENT_COLUMNS = """
      id, version_id, kind, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at""";

  private static final Map<String, String> NOTICE_KINDS = Map.of("PUBLISHED", "发布", "REVISED", "修订发布",
      "REPEALED", "废止", "INTERPRETED", "解释");
  private static final Map<String, String> REVIEW_TRIGGERS = Map.of("PERIODIC", "定期复审", "OUT_OF_CYCLE", "计划外复审");
  private static final Map<String, String> REVIEW_OUTCOMES = Map.of("KEEP", "继续有效", "REVISE", "修订", "REPEAL", "废止",
      "INTERPRET", "解释");
  private static final Map<String, String> COMMENT_DECISIONS = Map.of("ACCEPTED", "采纳", "PARTIALLY_ACCEPTED",
      "部分采纳", "NOT_ACCEPTED", "不采纳", "NO_COMMENT", "无意见");

  private final JdbcClient jdbc;
  private final OrganisationFile organisation;
  private final IdentityService identity;
  private final Clock clock;

  StandardQueries(JdbcClient jdbc, OrganisationFile organisation, IdentityService identity, Clock clock) {
    this.jdbc = jdbc;
    this.organisation = organisation;
    this.identity = identity;
    this.clock = clock;
  }

  /**
   * The filters of the list; null (or empty) means "any".
   *
   * @param q substring of title or code, case-insensitive
   * @param node a node code: the node and all its descendants
   * @param reviewDueBefore next review date strictly before this date
   */
  record Filter(String q, String node, List<StandardStatus> statuses, StandardType type, String section,
      LocalDate effectiveFrom, LocalDate effectiveTo, LocalDate reviewDueBefore) {
  }

  /** A node row of the tree table. */
  record NodeRow(String code, String name, String parentCode, int sortOrder) {
  }

  /** A register row with the fields the detail adds to the item. */
  private record Row(StandardItem item, String scope, String rejectionReason, String processInstanceId) {
  }

  Page<StandardItem> list(Filter filter, int page, int size) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new HashMap<>();
    if (filter.q() != null && !filter.q().isBlank()) {
      // LOWER on both sides: H2 and PostgreSQL both lack a portable ILIKE; Chinese is unaffected
      where.append(" AND (LOWER(s.title) LIKE :q ESCAPE '\\' OR LOWER(s.code) LIKE :q ESCAPE '\\')");
      params.put("q", "%" + escapeLike(filter.q().strip().toLowerCase(Locale.ROOT)) + "%");
    }
    if (filter.node() != null && !filter.node().isBlank()) {
      List<String> codes = subtree(filter.node().strip());
      if (codes.isEmpty()) {
        return new Page<>(List.of(), 0, page, size);
      }
      where.append(" AND s.node_code IN (:nodes)");
      params.put("nodes", codes);
    }
    if (filter.statuses() != null && !filter.statuses().isEmpty()) {
      where.append(" AND s.status IN (:statuses)");
      params.put("statuses", filter.statuses().stream().map(Enum::name).distinct().toList());
    }
    if (filter.type() != null) {
      where.append(" AND s.standard_type = :type");
      params.put("type", filter.type().name());
    }
    if (filter.section() != null && !filter.section().isBlank()) {
      where.append(" AND s.responsible_section = :section");
      params.put("section", filter.section().strip());
    }
    if (filter.effectiveFrom() != null) {
      where.append(" AND s.effective_date >= :effectiveFrom");
      params.put("effectiveFrom", filter.effectiveFrom());
    }
    if (filter.effectiveTo() != null) {
      where.append(" AND s.effective_date <= :effectiveTo");
      params.put("effectiveTo", filter.effectiveTo());
    }
    if (filter.reviewDueBefore() != null) {
      where.append(" AND s.next_review_date < :reviewDueBefore");
      params.put("reviewDueBefore", filter.reviewDueBefore());
    }
    long total = jdbc.sql("SELECT COUNT(*) FROM std_standard s" + where).params(params).query(Long.class).single();
    long offset = (long) page * size;
    if (offset >= total) {
      return new Page<>(List.of(), total, page, size);
    }
    params.put("limit", size);
    params.put("offset", offset);
    Function<String, String> names = sectionNames();
    LocalDate today = LocalDate.now(clock);
    List<StandardItem> items = jdbc.sql(SELECT + where + ORDER + " LIMIT :limit OFFSET :offset").params(params)
        .query((rs, n) -> row(rs, names, today).item()).list();
    return new Page<>(items, total, page, size);
  }

  Optional<StandardDetail> detail(long id) {
    Function<String, String> names = sectionNames();
    Optional<Row> found = jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id)
        .query((rs, n) -> row(rs, names, LocalDate.now(clock))).optional();
    return found.map(row -> detail(row, names));
  }

  /**
   * The standard with this code: its current code first, then a code one of its earlier versions
   * carried (a superseded Q/BSJG BZ205.7-2022 still finds the standard now coded …-2024).
   */
  Optional<Long> idByCode(String code) {
    Optional<Long> current = jdbc.sql("SELECT id FROM std_standard WHERE code = :code").param("code", code)
        .query(Long.class).optional();
    if (current.isPresent()) {
      return current;
    }
    return jdbc.sql("SELECT standard_id FROM std_version WHERE code = :code ORDER BY version_no DESC, id DESC")
        .param("code", code).query(Long.class).list().stream().findFirst();
  }

  List<NodeRow> nodes() {
    return jdbc.sql("SELECT code, name, parent_code, sort_order FROM std_node ORDER BY sort_order, code")
        .query((rs, n) -> new NodeRow(rs.getString("code"), rs.getString("name"), rs.getString("parent_code"),
            rs.getInt("sort_order")))
        .list();
  }

  /** The whole standard system, roots first, siblings by sort order then code. */
  List<NodeView> tree() {
    List<NodeRow> nodes = nodes();
    // live standards only: a repealed or rejected entry is no longer part of the system
    Map<String, Long> counts = new HashMap<>();
    jdbc.sql("""
            SELECT node_code, COUNT(*) AS n FROM std_standard
             WHERE status NOT IN ('REPEALED', 'REJECTED') GROUP BY node_code""")
        .query((rs, n) -> Map.entry(rs.getString("node_code"), rs.getLong("n"))).list()
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    Map<String, List<NodeRow>> byParent = new HashMap<>();
    nodes.forEach(node -> byParent.computeIfAbsent(node.parentCode(), k -> new ArrayList<>()).add(node));
    return build(null, byParent, counts);
  }

  /** One node with its sub-tree, for the answers of the tree's write endpoints. */
  Optional<NodeView> node(String code) {
    Deque<NodeView> open = new ArrayDeque<>(tree());
    while (!open.isEmpty()) {
      NodeView node = open.pop();
      if (node.code().equals(code)) {
        return Optional.of(node);
      }
      open.addAll(node.children());
    }
    return Optional.empty();
  }

  /** The node and all its descendants; empty when the node does not exist. */
  List<String> subtree(String code) {
    return subtree(code, nodes());
  }

  static List<String> subtree(String code, List<NodeRow> nodes) {
    if (nodes.stream().noneMatch(n -> n.code().equals(code))) {
      return List.of();
    }
    List<String> result = new ArrayList<>();
    Deque<String> open = new ArrayDeque<>(List.of(code));
    while (!open.isEmpty()) {
      String current = open.pop();
      // the tree table cannot hold a cycle (StandardNodeService refuses them), but never loop forever
      if (result.contains(current)) {
        continue;
      }
      result.add(current);
      nodes.stream().filter(n -> current.equals(n.parentCode())).forEach(n -> open.add(n.code()));
    }
    return result;
  }

  private List<NodeView> build(String parent, Map<String, List<NodeRow>> byParent, Map<String, Long> counts) {
    return byParent.getOrDefault(parent, List.of()).stream()
        .map(n -> {
          List<NodeView> children = build(n.code(), byParent, counts);
          long own = counts.getOrDefault(n.code(), 0L);
          return new NodeView(n.code(), n.name(), n.parentCode(), n.sortOrder(), own,
              own + children.stream().mapToLong(NodeView::subtreeCount).sum(), children);
        })
        .toList();
  }

  private StandardDetail detail(Row row, Function<String, String> names) {
    long id = row.item().id();
    List<DocumentWithVersion> documents = documents(id, row.processInstanceId());
    List<VersionView> versions = jdbc.sql("""
            SELECT id, version_no, code, status, effective_date, published_at, approved_by, supersedes_id
              FROM std_version WHERE standard_id = :id ORDER BY version_no""")
        .param("id", id)
        .query((rs, n) -> {
          long versionId = rs.getLong("id");
          String status = rs.getString("status");
          return new VersionView(versionId, rs.getInt("version_no"), rs.getString("code"), status,
              statusLabel(status), rs.getObject("effective_date", LocalDate.class), instant(rs, "published_at"),
              rs.getString("approved_by"), nullableLong(rs, "supersedes_id"),
              documents.stream().filter(d -> Long.valueOf(versionId).equals(d.versionId())).map(d -> d.view())
                  .toList());
        })
        .list();
    List<DocumentView> pending = documents.stream().filter(d -> d.versionId() == null).map(d -> d.view()).toList();
    List<NoticeView> notices = jdbc.sql("""
            SELECT id, version_id, kind, message, created_by, created_at FROM std_notice
             WHERE standard_id = :id ORDER BY created_at, id""")
        .param("id", id)
        .query((rs, n) -> new NoticeView(rs.getLong("id"), nullableLong(rs, "version_id"), rs.getString("kind"),
            NOTICE_KINDS.getOrDefault(rs.getString("kind"), rs.getString("kind")), rs.getString("message"),
            rs.getString("created_by"), instant(rs, "created_at")))
        .list();
    List<TrainingView> trainings = jdbc.sql("""
            SELECT id, version_id, training_date, attendees, recorded_by, recorded_at FROM std_training
             WHERE standard_id = :id ORDER BY training_date, id""")
        .param("id", id)
        .query((rs, n) -> new TrainingView(rs.getLong("id"), rs.getLong("version_id"),
            rs.getObject("training_date", LocalDate.class), rs.getString("attendees"), rs.getString("recorded_by"),
            instant(rs, "recorded_at")))
        .list();
    List<StandardViews.AcknowledgementView> acknowledgements = jdbc.sql("""
            SELECT a.version_id, a.user_id, u.FIRST_, u.LAST_, a.acknowledged_at FROM std_acknowledgement a
              LEFT JOIN ACT_ID_USER u ON u.ID_ = a.user_id
             WHERE a.standard_id = :id ORDER BY a.version_id, a.acknowledged_at NULLS LAST, a.user_id""")
        .param("id", id)
        .query((rs, n) -> {
          String name = (rs.getString(3) == null ? "" : rs.getString(3)) + (rs.getString(4) == null ? "" : rs.getString(4));
          return new StandardViews.AcknowledgementView(rs.getLong(1), rs.getString(2),
              name.isBlank() ? rs.getString(2) : name, instant(rs, "acknowledged_at"));
        })
        .list();
    List<ReviewView> reviews = jdbc.sql("""
            SELECT id, version_id, review_trigger, trigger_reason, outcome, reason, reviewed_by, reviewed_at
              FROM std_review WHERE standard_id = :id ORDER BY reviewed_at, id""")
        .param("id", id)
        .query((rs, n) -> new ReviewView(rs.getLong("id"), nullableLong(rs, "version_id"),
            rs.getString("review_trigger"),
            REVIEW_TRIGGERS.getOrDefault(rs.getString("review_trigger"), rs.getString("review_trigger")),
            rs.getString("trigger_reason"), rs.getString("outcome"),
            REVIEW_OUTCOMES.getOrDefault(rs.getString("outcome"), rs.getString("outcome")), rs.getString("reason"),
            rs.getString("reviewed_by"), instant(rs, "reviewed_at")))
        .list();
    List<CommentView> comments = jdbc.sql("""
            SELECT id, process_instance_id, section, author, comment_text, no_comment, decision, reason, created_at,
                   decided_by, decided_at
              FROM std_comment WHERE standard_id = :id ORDER BY created_at, id""")
        .param("id", id)
        .query((rs, n) -> {
          String decision = rs.getString("decision");
          return new CommentView(rs.getLong("id"), rs.getString("process_instance_id"), rs.getString("section"),
              names.apply(rs.getString("section")), rs.getString("author"), rs.getString("comment_text"),
              rs.getBoolean("no_comment"), decision,
              decision == null ? null : COMMENT_DECISIONS.getOrDefault(decision, decision), rs.getString("reason"),
              instant(rs, "created_at"), rs.getString("decided_by"), instant(rs, "decided_at"));
        })
        .list();
    return new StandardDetail(row.item(), row.scope(), row.rejectionReason(), row.processInstanceId(), versions, pending,
        notices, trainings, acknowledgements, reviews, comments);
  }

  private record DocumentWithVersion(Long versionId, DocumentView view) {
  }

  /**
   * The standard's documents: those filed under it, and those of its current run not yet linked to
   * it (uploaded before the run knew its standard id).
   */
  private List<DocumentWithVersion> documents(long standardId, String processInstanceId) {
    String sql = "SELECT " + DOCUMENT_COLUMNS + " FROM std_document WHERE standard_id = :id";
    Map<String, Object> params = new HashMap<>();
    params.put("id", standardId);
    if (processInstanceId != null) {
      // no ":pi IS NULL" trick: PostgreSQL cannot type a bare NULL parameter
      sql += " OR (standard_id IS NULL AND process_instance_id = :pi)";
      params.put("pi", processInstanceId);
    }
    return jdbc.sql(sql + " ORDER BY uploaded_at, id").params(params)
        .query((rs, n) -> {
          long id = rs.getLong("id");
          String kind = rs.getString("kind");
          return new DocumentWithVersion(nullableLong(rs, "version_id"), new DocumentView(id, kind, kindLabel(kind),
              rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"),
              rs.getString("sha256").strip(), rs.getString("uploaded_by"), instant(rs, "uploaded_at"),
              "/api/documents/" + id + "/content"));
        })
        .list();
  }

  private static Row row(ResultSet rs, Function<String, String> names, LocalDate today) throws SQLException {
    String type = rs.getString("standard_type");
    String status = rs.getString("status");
    String section = rs.getString("responsible_section");
    int versionNo = rs.getInt("version_no");
    Integer currentVersionNo = rs.wasNull() ? null : versionNo;
    LocalDate review = rs.getObject("next_review_date", LocalDate.class);
    StandardItem item = new StandardItem(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
        rs.getString("node_code"), rs.getString("node_name"), type, typeLabel(type), status, statusLabel(status),
        section, names.apply(section), currentVersionNo, rs.getObject("effective_date", LocalDate.class), review,
        review != null && review.isBefore(today), rs.getBoolean("revision_in_progress"));
    return new Row(item, rs.getString("scope"), rs.getString("rejection_reason"), rs.getString("process_instance_id"));
  }

  /**
   * Group names for this request, looked up once per group: the organisation file first (the source
   * of truth for declared groups), then Camunda's identity service (groups created in Admin).
   */
  private Function<String, String> sectionNames() {
    Map<String, String> cache = new LinkedHashMap<>();
    return id -> id == null ? null : cache.computeIfAbsent(id, this::sectionName);
  }

  private String sectionName(String id) {
    OrganisationFile.GroupEntry declared = organisation.group(id);
    if (declared != null) {
      return declared.name();
    }
    Group group = identity.createGroupQuery().groupId(id).singleResult();
    return group != null && group.getName() != null ? group.getName() : id;
  }

  private static String typeLabel(String type) {
    try {
      return StandardType.valueOf(type).label();
    } catch (IllegalArgumentException | NullPointerException e) {
      return type;
    }
  }

  /** Standard and version statuses share the names of {@link StandardStatus}. */
  private static String statusLabel(String status) {
    try {
      return StandardStatus.valueOf(status).label();
    } catch (IllegalArgumentException | NullPointerException e) {
      return status;
    }
  }

  private static String kindLabel(String kind) {
    try {
      return DocumentKind.valueOf(kind).label();
    } catch (IllegalArgumentException | NullPointerException e) {
      return kind;
    }
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
