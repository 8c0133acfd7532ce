package org.stdflow.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Looks users and group members up in the engine's identity tables with plain SQL. Why not the
 * IdentityService: its queries apply the authorizations of whoever is logged in (a section head
 * completing a task may not read the leadership's users), and this runs inside that user's command;
 * the SQL also joins the engine's transaction like every other outbox write.
 */
@Component
class Recipients {

  private final JdbcClient jdbc;

  Recipients(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The users with these ids, in the given order; unknown ids come back without an address. */
  List<Recipient> users(Collection<String> userIds) {
    if (userIds.isEmpty()) {
      return List.of();
    }
    Map<String, Recipient> found = new LinkedHashMap<>();
    jdbc.sql("SELECT ID_, FIRST_, LAST_, EMAIL_ FROM ACT_ID_USER WHERE ID_ IN (:ids)").param("ids", userIds)
        .query((rs, n) -> recipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list().forEach(r -> found.put(r.userId(), r));
    List<Recipient> result = new ArrayList<>();
    for (String id : new java.util.LinkedHashSet<>(userIds)) {
      result.add(found.getOrDefault(id, new Recipient(id, id, null)));
    }
    return result;
  }

  /** Every member of these groups, once, ordered by id. */
  List<Recipient> membersOf(Collection<String> groupIds) {
    if (groupIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            SELECT DISTINCT u.ID_, u.FIRST_, u.LAST_, u.EMAIL_ FROM ACT_ID_USER u
              JOIN ACT_ID_MEMBERSHIP m ON m.USER_ID_ = u.ID_
             WHERE m.GROUP_ID_ IN (:groups) ORDER BY u.ID_""")
        .param("groups", groupIds)
        .query((rs, n) -> recipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .list();
  }

  /** Group id → name ("std-office" → 标准化办公室), for the mail text. */
  Map<String, String> groupNames(Collection<String> groupIds) {
    Map<String, String> names = new LinkedHashMap<>();
    groupIds.forEach(id -> names.put(id, id));
    if (!groupIds.isEmpty()) {
      jdbc.sql("SELECT ID_, NAME_ FROM ACT_ID_GROUP WHERE ID_ IN (:ids)").param("ids", groupIds)
          .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2) == null ? rs.getString(1) : rs.getString(2)))
          .list().forEach(e -> names.put(e.getKey(), e.getValue()));
    }
    return names;
  }

  /** The current address of a user (null when none or unknown). */
  String emailOf(String userId) {
    return users(List.of(userId)).get(0).email();
  }

  private static Recipient recipient(String id, String first, String last, String email) {
    String name = (first == null ? "" : first) + (last == null ? "" : last);
    return new Recipient(id, name.isBlank() ? id : name, email == null || email.isBlank() ? null : email.trim());
  }
}
