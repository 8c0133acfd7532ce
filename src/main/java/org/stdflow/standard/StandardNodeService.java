package org.stdflow.standard;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.stdflow.organisation.GroupType;
import org.stdflow.organisation.OrganisationFile;
import org.stdflow.platform.security.CurrentUser;
import org.stdflow.platform.validation.FieldRules;
import org.stdflow.standard.StandardQueries.NodeRow;

/**
 * Edits the standard system (体系表): add, rename, move and remove nodes. Only the standardization
 * office and admins may. Each edit checks everything first and writes in one transaction that holds
 * the tree's rows locked, so two concurrent moves cannot build a cycle and nothing is half-written.
 */
@Service
class StandardNodeService {

  static final String FORBIDDEN = "只有标准化办公室和管理员可以维护标准体系表";

  /** Node numbers such as 205 or 205.1: they become part of standard codes (Q/BSJG BZ205.1.3-2024). */
  private static final Pattern CODE = Pattern.compile("[0-9]+(\\.[0-9]+)*");
  private static final int MAX_SORT_ORDER = 9999;

  private final JdbcClient jdbc;
  private final StandardQueries queries;
  private final OrganisationFile organisation;
  private final TransactionTemplate transaction;

  StandardNodeService(JdbcClient jdbc, StandardQueries queries, OrganisationFile organisation,
      PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.queries = queries;
    this.organisation = organisation;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  StandardViews.NodeView create(Map<String, Object> body, CurrentUser user) {
    checkMayEdit(user);
    String code = transaction.execute(status -> {
      List<NodeRow> nodes = lockTree();
      FieldRules rules = FieldRules.of(body::get);
      String newCode = strip(rules.text("code"));
      rules.requiredText("code", "节点编码", 1, 20);
      rules.rule(newCode != null && !newCode.isEmpty() && !CODE.matcher(newCode).matches(), "code",
          "节点编码只能由数字和小数点组成，如 205 或 205.1");
      rules.rule(newCode != null && find(nodes, newCode).isPresent(), "code", "节点编码“" + newCode + "”已存在");
      rules.requiredText("name", "节点名称", 1, 100);
      String name = strip(rules.text("name"));
      String parent = blankToNull(rules.text("parentCode"));
      rules.rule(parent != null && find(nodes, parent).isEmpty(), "parentCode", "上级节点“" + parent + "”不存在");
      Integer sortOrder = sortOrder(rules, body);
      rules.rule(name != null && siblingNamed(nodes, parent, name, null), "name",
          "同一上级节点下已有名为“" + name + "”的节点");
      rules.throwIfInvalid();
      jdbc.sql("""
              INSERT INTO std_node (code, name, parent_code, sort_order, last_sequence)
              VALUES (:code, :name, :parent, :sort, 0)""")
          .param("code", newCode).param("name", name).param("parent", parent)
          .param("sort", sortOrder != null ? sortOrder : nextSortOrder(nodes, parent)).update();
      return newCode;
    });
    return queries.node(code).orElseThrow();
  }

  /**
   * Renames and/or moves a node. A field left out of the body keeps its value; {@code parentCode}
   * given as null or "" moves the node to the top level. The code itself never changes: issued
   * standard codes contain it.
   */
  StandardViews.NodeView update(String code, Map<String, Object> body, CurrentUser user) {
    checkMayEdit(user);
    transaction.executeWithoutResult(status -> {
      List<NodeRow> nodes = lockTree();
      NodeRow node = find(nodes, code).orElseThrow(() -> notFound(code));
      FieldRules rules = FieldRules.of(body::get);
      String bodyCode = strip(rules.text("code"));
      rules.rule(bodyCode != null && !bodyCode.equals(code), "code", "节点编码不能修改（它已用于标准编号）");
      String name = node.name();
      if (body.containsKey("name")) {
        rules.requiredText("name", "节点名称", 1, 100);
        name = strip(rules.text("name"));
      }
      String parent = node.parentCode();
      if (body.containsKey("parentCode")) {
        parent = blankToNull(rules.text("parentCode"));
        if (parent != null && find(nodes, parent).isEmpty()) {
          rules.rule(true, "parentCode", "上级节点“" + parent + "”不存在");
        } else if (parent != null && StandardQueries.subtree(code, nodes).contains(parent)) {
          rules.rule(true, "parentCode", "不能把节点移到它自己或它的下级节点之下");
        }
      }
      Integer sortOrder = sortOrder(rules, body);
      rules.rule(name != null && siblingNamed(nodes, parent, name, code), "name",
          "同一上级节点下已有名为“" + name + "”的节点");
      rules.throwIfInvalid();
      jdbc.sql("UPDATE std_node SET name = :name, parent_code = :parent, sort_order = :sort WHERE code = :code")
          .param("name", name).param("parent", parent)
          .param("sort", sortOrder != null ? sortOrder
              : Objects.equals(parent, node.parentCode()) ? node.sortOrder() : nextSortOrder(nodes, parent))
          .param("code", code).update();
    });
    return queries.node(code).orElseThrow();
  }

  /** Removes an empty node; one with sub-nodes or with any standard (also repealed ones) stays. */
  void delete(String code, CurrentUser user) {
    checkMayEdit(user);
    transaction.executeWithoutResult(status -> {
      List<NodeRow> nodes = lockTree();
      NodeRow node = find(nodes, code).orElseThrow(() -> notFound(code));
      long children = nodes.stream().filter(n -> code.equals(n.parentCode())).count();
      // repealed and rejected entries count too: the register keeps their history on this node
      long standards = jdbc.sql("SELECT COUNT(*) FROM std_standard WHERE node_code = :code").param("code", code)
          .query(Long.class).single();
      long inactive = jdbc.sql("""
              SELECT COUNT(*) FROM std_standard WHERE node_code = :code AND status IN ('REPEALED', 'REJECTED')""")
          .param("code", code).query(Long.class).single();
      if (children > 0 || standards > 0) {
        String what = Stream.of(children > 0 ? children + " 个下级节点" : null,
            standards > 0 ? standards + " 项标准" + (inactive > 0 ? "（其中 " + inactive + " 项已废止或未立项）" : "") : null)
            .filter(Objects::nonNull).collect(Collectors.joining("、"));
        throw new RegisterApiException(HttpStatus.CONFLICT,
            "体系节点“" + node.code() + " " + node.name() + "”下还有 " + what + "，不能删除");
      }
      jdbc.sql("DELETE FROM std_node WHERE code = :code").param("code", code).update();
    });
  }

  /** The office and admins by group type, so a renamed office group in the organisation file still works. */
  private void checkMayEdit(CurrentUser user) {
    Set<String> editors = Stream.concat(organisation.groupsOfType(GroupType.OFFICE).stream(),
        organisation.groupsOfType(GroupType.ADMIN).stream()).map(OrganisationFile.GroupEntry::id)
        .collect(Collectors.toSet());
    if (!user.isAdmin() && user.groupIds().stream().noneMatch(editors::contains)) {
      throw new RegisterApiException(HttpStatus.FORBIDDEN, FORBIDDEN);
    }
  }

  /** Locks every node row for this transaction: the tree is small and edits are rare. */
  private List<NodeRow> lockTree() {
    jdbc.sql("SELECT code FROM std_node ORDER BY code FOR UPDATE").query(String.class).list();
    return queries.nodes();
  }

  /** The optional sort order: a whole number (JSON number or numeric text); null when not given. */
  private static Integer sortOrder(FieldRules rules, Map<String, Object> body) {
    Object raw = body.get("sortOrder");
    if (raw == null || raw.toString().isBlank()) {
      return null;
    }
    Long value = null;
    if (raw instanceof Integer || raw instanceof Long || raw instanceof Short) {
      value = ((Number) raw).longValue();
    } else if (raw instanceof String text) {
      try {
        value = Long.parseLong(text.strip());
      } catch (NumberFormatException e) {
        value = null;
      }
    }
    boolean valid = value != null && value >= 0 && value <= MAX_SORT_ORDER;
    rules.rule(!valid, "sortOrder", "排序号须为 0 到 " + MAX_SORT_ORDER + " 之间的整数");
    return valid ? value.intValue() : null;
  }

  private static boolean siblingNamed(List<NodeRow> nodes, String parent, String name, String exceptCode) {
    return nodes.stream().anyMatch(n -> Objects.equals(n.parentCode(), parent) && n.name().equals(name)
        && !n.code().equals(exceptCode));
  }

  /** Appends after the last sibling when no sort order is given. */
  private static int nextSortOrder(List<NodeRow> nodes, String parent) {
    return nodes.stream().filter(n -> Objects.equals(n.parentCode(), parent)).mapToInt(NodeRow::sortOrder).max()
        .orElse(0) + 1;
  }

  private static Optional<NodeRow> find(List<NodeRow> nodes, String code) {
    return nodes.stream().filter(n -> n.code().equals(code)).findFirst();
  }

  private static RegisterApiException notFound(String code) {
    return RegisterApiException.notFound("体系节点“" + code + "”不存在");
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
