package org.stdflow.standard;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.stdflow.organisation.OrganisationFile;

/** Chinese names of the codes the forms and mails show (nodes, groups, kinds). */
@Component
public class StandardLabels {

  private static final Map<String, String> KINDS = Map.of("new", "制定新标准", "revision", "修订现行标准",
      "adoption", "采用国家/地方标准");

  private final JdbcClient jdbc;
  private final OrganisationFile organisation;

  StandardLabels(JdbcClient jdbc, OrganisationFile organisation) {
    this.jdbc = jdbc;
    this.organisation = organisation;
  }

  public String nodeName(String code) {
    return jdbc.sql("SELECT name FROM std_node WHERE code = :c").param("c", code).query(String.class).optional()
        .map(name -> code + " " + name).orElse(code);
  }

  public String groupName(String groupId) {
    OrganisationFile.GroupEntry g = organisation.group(groupId);
    return g == null ? groupId : g.name();
  }

  /**
   * A user's display name ("刘洋"), or the id when unknown. Read from the identity table directly:
   * IdentityService queries apply the acting user's authorizations.
   */
  public String userName(String userId) {
    if (userId == null) {
      return "";
    }
    return jdbc.sql("SELECT FIRST_, LAST_ FROM ACT_ID_USER WHERE ID_ = :id").param("id", userId)
        .query((rs, n) -> (rs.getString(1) == null ? "" : rs.getString(1)) + (rs.getString(2) == null ? "" : rs.getString(2)))
        .optional().filter(name -> !name.isBlank()).orElse(userId);
  }

  public String kind(String kind) {
    return KINDS.getOrDefault(kind, kind);
  }
}
