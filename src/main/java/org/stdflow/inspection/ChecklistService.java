package org.stdflow.inspection;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stdflow.platform.validation.FormValidationException;

/**
 * The checklist of a standard's version in force: what inspectors check, where, and how much each
 * item weighs. Replaced as a whole, so a half-saved checklist cannot exist.
 */
@Service
public class ChecklistService {

  private final JdbcClient jdbc;
  private final Clock clock;

  ChecklistService(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A place standards are inspected at. */
  public record Place(String code, String name) {
  }

  /** One checklist item. */
  public record Item(Long id, String clauseRef, String requirement, int weight, boolean critical,
      List<String> places) {
  }

  /** The standard a checklist belongs to, as far as editing it matters. */
  record Owner(long standardId, Long versionId, String status, String responsibleSection, String title, String code) {
  }

  public List<Place> places() {
    return jdbc.sql("SELECT code, name FROM insp_place ORDER BY sort_order, code")
        .query((rs, n) -> new Place(rs.getString(1), rs.getString(2))).list();
  }

  Owner owner(long standardId) {
    return jdbc.sql("""
            SELECT id, current_version_id, status, responsible_section, title, code FROM std_standard WHERE id = :id""")
        .param("id", standardId)
        .query((rs, n) -> {
          long v = rs.getLong(2);
          return new Owner(rs.getLong(1), rs.wasNull() ? null : v, rs.getString(3), rs.getString(4), rs.getString(5),
              rs.getString(6));
        })
        .optional().orElse(null);
  }

  /** The items of the version in force (empty when none or when not yet published). */
  public List<Item> items(long versionId) {
    Map<Long, List<String>> places = new LinkedHashMap<>();
    jdbc.sql("""
            SELECT p.item_id, p.place_code FROM insp_item_place p JOIN insp_checklist_item i ON i.id = p.item_id
             WHERE i.version_id = :v ORDER BY p.place_code""")
        .param("v", versionId)
        .query(rs -> {
          places.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
    return jdbc.sql("""
            SELECT id, clause_ref, requirement, weight, critical FROM insp_checklist_item
             WHERE version_id = :v ORDER BY sort_order""")
        .param("v", versionId)
        .query((rs, n) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5),
            places.getOrDefault(rs.getLong(1), List.of())))
        .list();
  }

  /**
   * Replaces the checklist of the version in force. Every item is checked first; one bad item
   * rejects the whole request with per-item Chinese messages and nothing changes.
   */
  @Transactional
  public List<Item> replace(Owner owner, List<Item> items, String userId) {
    Map<String, String> errors = new LinkedHashMap<>();
    Set<String> known = places().stream().map(Place::code).collect(Collectors.toSet());
    if (items == null || items.isEmpty()) {
      errors.put("items", "检查表至少需要一项");
    } else if (items.size() > 200) {
      errors.put("items", "检查表最多 200 项");
    } else {
      for (int i = 0; i < items.size(); i++) {
        Item item = items.get(i);
        String at = "items[" + i + "].";
        String n = "第 " + (i + 1) + " 项";
        if (item == null) {
          errors.put("items[" + i + "]", n + "为空");
          continue;
        }
        if (item.clauseRef() == null || item.clauseRef().isBlank() || item.clauseRef().length() > 50) {
          errors.put(at + "clauseRef", n + "的条款号不能为空且不超过 50 字");
        }
        if (item.requirement() == null || item.requirement().isBlank() || item.requirement().length() > 500) {
          errors.put(at + "requirement", n + "的检查要求不能为空且不超过 500 字");
        }
        if (item.weight() < 1 || item.weight() > 100) {
          errors.put(at + "weight", n + "的权重须为 1 到 100 之间的整数");
        }
        if (item.places() == null || item.places().isEmpty()) {
          errors.put(at + "places", n + "至少适用于一个检查地点");
        } else if (!known.containsAll(item.places())) {
          errors.put(at + "places", n + "含有未知的检查地点：" + item.places().stream()
              .filter(p -> !known.contains(p)).collect(Collectors.joining("、")));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new FormValidationException(errors);
    }
    Timestamp now = Timestamp.from(Instant.now(clock));
    jdbc.sql("DELETE FROM insp_checklist_item WHERE version_id = :v").param("v", owner.versionId()).update();
    int order = 1;
    for (Item item : items) {
      org.springframework.jdbc.support.KeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
      jdbc.sql("""
              INSERT INTO insp_checklist_item (standard_id, version_id, sort_order, clause_ref, requirement, weight,
                                               critical, updated_by, updated_at)
              VALUES (:s, :v, :o, :c, :r, :w, :k, :u, :t)""")
          .param("s", owner.standardId()).param("v", owner.versionId()).param("o", order++)
          .param("c", item.clauseRef().strip()).param("r", item.requirement().strip()).param("w", item.weight())
          .param("k", item.critical()).param("u", userId).param("t", now)
          .update(keys, "id");
      long id = keys.getKey().longValue();
      for (String place : item.places().stream().distinct().toList()) {
        jdbc.sql("INSERT INTO insp_item_place (item_id, place_code) VALUES (:i, :p)").param("i", id)
            .param("p", place).update();
      }
    }
    return items(owner.versionId());
  }
}
