package org.stdflow.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.stdflow.organisation.GroupType;
import org.stdflow.organisation.OrganisationFile;

/**
 * Who is who for the audit trail: a user's section at the time of an entry (recorded in the
 * entry), and names of users and groups for display. Reads Camunda's identity tables directly, so
 * it works outside an engine command (at commit) and without the caller's authorizations.
 */
@Component
class Directory {

  /** Which group counts as "the section" of a user who is in several. */
  private static final List<GroupType> PRIORITY = List.of(GroupType.SECTION, GroupType.OFFICE, GroupType.LEADERSHIP,
      GroupType.INSPECTION, GroupType.AUDIT, GroupType.SUPPORT, GroupType.ADMIN);

  private final JdbcClient jdbc;
  private final OrganisationFile organisation;

  Directory(JdbcClient jdbc, OrganisationFile organisation) {
    this.jdbc = jdbc;
    this.organisation = organisation;
  }

  /** The user's section (group id), or null for the system and users in no group. */
  String sectionOf(String userId) {
    if (userId == null) {
      return null;
    }
    List<String> groups = jdbc.sql("SELECT GROUP_ID_ FROM ACT_ID_MEMBERSHIP WHERE USER_ID_ = :u ORDER BY GROUP_ID_")
        .param("u", userId).query(String.class).list();
    for (GroupType type : PRIORITY) {
      for (String g : groups) {
        OrganisationFile.GroupEntry entry = organisation.group(g);
        if (entry != null && entry.type() == type) {
          return g;
        }
      }
    }
    return groups.isEmpty() ? null : groups.get(0);
  }

  /** How long a user's section is reused across commits (memberships change rarely; a change shows after this). */
  static final long SECTION_TTL_MILLIS = 30_000;

  private record Section(String id, long until) {
  }

  private final java.util.concurrent.ConcurrentHashMap<String, Section> sections =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * sectionOf with a cache shared by all commits for {@link #SECTION_TTL_MILLIS}: without it every
   * audited step paid a membership query per actor.
   */
  java.util.function.Function<String, String> sectionCache() {
    return user -> {
      if (user == null) {
        return null;
      }
      long now = System.currentTimeMillis();
      Section cached = sections.get(user);
      if (cached == null || cached.until() < now) {
        cached = new Section(sectionOf(user), now + SECTION_TTL_MILLIS);
        sections.put(user, cached);
      }
      return cached.id();
    };
  }

  /** Display names of users ("刘洋"), by id; unknown ids are absent. */
  Map<String, String> userNames() {
    Map<String, String> names = new HashMap<>();
    jdbc.sql("SELECT ID_, FIRST_, LAST_ FROM ACT_ID_USER").query((rs, n) -> {
      String first = rs.getString(2);
      String last = rs.getString(3);
      names.put(rs.getString(1), (first == null ? "" : first) + (last == null ? "" : last));
      return null;
    }).list();
    return names;
  }

  /** Display names of groups, by id. */
  Map<String, String> groupNames() {
    Map<String, String> names = new HashMap<>();
    jdbc.sql("SELECT ID_, NAME_ FROM ACT_ID_GROUP").query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
    organisation.groups().forEach(g -> names.put(g.id(), g.name()));
    return names;
  }

  List<OrganisationFile.GroupEntry> sections() {
    return organisation.groupsOfType(GroupType.SECTION);
  }

  List<String> auditorGroups() {
    return organisation.groupsOfType(GroupType.AUDIT).stream().map(OrganisationFile.GroupEntry::id).toList();
  }
}
